import type { CliCommand } from "../cli-command.ts";
import { auditVerifyCommand } from "./audit-verify.ts";
import { lintCommand } from "./lint.ts";
import { orgListCommand } from "./org-list.ts";
import { registerExportCommand } from "./register-export.ts";
import { registerImportCommand } from "./register-import.ts";
import { registerSchemaCommand } from "./register-schema.ts";
import { serveCommand } from "./serve.ts";
import { tokenCreateCommand } from "./token-create.ts";
import { tokenRevokeCommand } from "./token-revoke.ts";

export const COMMANDS: ReadonlyArray<CliCommand> = [
  serveCommand,
  registerExportCommand,
  registerImportCommand,
  registerSchemaCommand,
  lintCommand,
  auditVerifyCommand,
  tokenCreateCommand,
  tokenRevokeCommand,
  orgListCommand,
] as ReadonlyArray<CliCommand>;
