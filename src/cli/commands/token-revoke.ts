import { z } from "zod";
import { revokeToken } from "../../auth/revoke-token.ts";
import { validationError } from "../../errors/app-error.ts";
import type { CliCommand } from "../cli-command.ts";

export const tokenRevokeCommand: CliCommand = {
  path: ["token", "revoke"],
  usage: "token revoke TOKEN_ID",
  summary: "Revoke an API token",
  flags: {},
  schema: z.object({}).strict(),
  async run({ positionals, io, openContext }) {
    const id = positionals[0];
    if (!id || !/^[0-9a-f-]{36}$/.test(id)) {
      throw validationError([{ path: "TOKEN_ID", rule: "uuid", message: "must be a token id (a UUID)" }]);
    }
    await revokeToken(await openContext(), { id, actor: "cli" });
    io.stdout(`Token ${id} revoked.\n`);
    return 0;
  },
};
