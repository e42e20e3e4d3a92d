import { AUTO_WORKERS_MIN_MIB } from "../../pii/stream/choose-workers.ts";
import type { CliCommand } from "../cli-command.ts";

/**
 * The command table. Each command's module is loaded only when it runs: `gardien lint` in a team's CI
 * should not pay for the HTTP server, the YAML parser or the importer.
 */
export type CommandEntry = {
  path: string[];
  usage: string;
  summary: string;
  load: () => Promise<CliCommand>;
};

const entry = (
  path: string[],
  usage: string,
  summary: string,
  load: () => Promise<Record<string, unknown>>,
  name: string,
): CommandEntry => ({ path, usage, summary, load: async () => (await load())[name] as CliCommand });

export const COMMANDS: ReadonlyArray<CommandEntry> = [
  entry(
    ["serve"],
    "serve [--port N] [--host H] [--rights-interval SECONDS]",
    "Start the HTTP server (API, OpenAPI document, health check) and the rights reminders",
    () => import("./serve.ts"),
    "serveCommand",
  ),
  entry(
    ["register", "export"],
    "register export --org SLUG [--format yaml|json|ods|xlsx] [--output FILE]",
    "Write an organisation's whole register as a register-as-code file or a CNIL register spreadsheet",
    () => import("./register-export.ts"),
    "registerExportCommand",
  ),
  entry(
    ["register", "import"],
    "register import FILE [--prune] [--json]",
    "Validate a whole register file, then write it (all or nothing)",
    () => import("./register-import.ts"),
    "registerImportCommand",
  ),
  entry(
    ["register", "schema"],
    "register schema",
    "Print the JSON Schema of register-as-code files",
    () => import("./register-schema.ts"),
    "registerSchemaCommand",
  ),
  entry(
    ["lint"],
    "lint FILE|--org SLUG [--format text|json] [--lang fr|en]",
    "Check a register against the GDPR; exits 1 when any error is found",
    () => import("./lint.ts"),
    "lintCommand",
  ),
  entry(
    ["doc", "render"],
    "doc render --org SLUG --doc register|sheet|processor-register|privacy|notice [--activity REF] [--notice short|long] [--policy-url URL] [--lang fr|en] [--format html|md|json|jsonld|pdf] [--output FILE]",
    "Generate a document from the register: public register, CNIL sheet, processor register, policy, notice",
    () => import("./doc-render.ts"),
    "docRenderCommand",
  ),
  entry(
    ["publish"],
    "publish --org SLUG [--note TEXT] [--json]",
    "Publish the register: freeze the current version, summarise the changes, tell subscribers of material ones",
    () => import("./publish.ts"),
    "publishCommand",
  ),
  entry(
    ["keys", "rotate"],
    "keys rotate [--dry-run] [--json]",
    "Re-encrypt personal data sealed under a retired key with the current one",
    () => import("./keys-rotate.ts"),
    "keysRotateCommand",
  ),
  entry(
    ["audit", "verify"],
    "audit verify [--org SLUG] [--json]",
    "Check the hash chain of the audit trail; exits 1 at the first broken entry",
    () => import("./audit-verify.ts"),
    "auditVerifyCommand",
  ),
  entry(
    ["token", "create"],
    "token create --org SLUG|--admin --name NAME",
    "Create an API token (printed once; stored hashed)",
    () => import("./token-create.ts"),
    "tokenCreateCommand",
  ),
  entry(
    ["token", "revoke"],
    "token revoke TOKEN_ID",
    "Revoke an API token",
    () => import("./token-revoke.ts"),
    "tokenRevokeCommand",
  ),
  entry(
    ["org", "list"],
    "org list",
    "List the organisations of this install",
    () => import("./org-list.ts"),
    "orgListCommand",
  ),
  entry(
    ["pii", "detect"],
    "pii detect [--lang fr|en|auto] [--input FILE|-] [--format jsonl|text] [--workers N|auto]",
    `Find personal data in JSONL lines {"id","text","lang"?}; a file of ${AUTO_WORKERS_MIN_MIB} MiB or more is spread over one worker thread per core (--workers N to choose, 1 for one thread); exits 2 if a line is malformed`,
    () => import("./pii-detect.ts"),
    "piiDetectCommand",
  ),
  entry(
    ["pii", "redact"],
    "pii redact [--operator TYPE=op,...] [--input FILE|-] [--lang fr|en|auto] [--hash-key-file F]",
    "Replace personal data in JSONL lines (default <TYPE>; ops: redact, replace, mask:N, hash, pseudonymise)",
    () => import("./pii-redact.ts"),
    "piiRedactCommand",
  ),
  entry(
    ["pii", "pseudonymise"],
    "pii pseudonymise [--operator TYPE=op,...] [--input FILE|-] [--lang fr|en|auto]",
    'Replace personal data with consistent tokens <PERSON_1> per "conversation" (memory vault, this run)',
    () => import("./pii-pseudonymise.ts"),
    "piiPseudonymiseCommand",
  ),
  entry(
    ["rights", "run-reminders"],
    "rights run-reminders [--org SLUG] [--json]",
    "Queue due reminders and overdue flags for open requests, then send the queued mails",
    () => import("./rights-run-reminders.ts"),
    "rightsRunRemindersCommand",
  ),
  entry(
    ["requests", "list"],
    "requests list --org SLUG [--status S|open] [--type T] [--overdue] [--due-before DATE] [--include-duplicates] [--limit N] [--offset N] [--json]",
    "List an organisation's data subject requests, soonest due first",
    () => import("./requests-list.ts"),
    "requestsListCommand",
  ),
  entry(
    ["requests", "show"],
    "requests show --org SLUG ID [--json]",
    "Show one request: who asked, its timeline, attachments and parties",
    () => import("./requests-show.ts"),
    "requestsShowCommand",
  ),
  entry(
    ["requests", "create"],
    "requests create --org SLUG --type T --channel email|letter|phone|in_person --received-at DATE|DATETIME (--email E|--postal-address A) [--name N] [--phone P] [--customer-id C] [--message M] [--activity REF,...] [--lang fr|en] [--identity-verified] [--json]",
    "Enter a request received by e-mail, letter, phone or in person (the date of receipt starts the month)",
    () => import("./requests-create.ts"),
    "requestsCreateCommand",
  ),
  entry(
    ["requests", "transition"],
    "requests transition --org SLUG ID --to STATUS [--outcome granted|partly_granted|refused|no_action] [--note TEXT] [--revision N] [--json]",
    "Move a request to another status (answered needs --outcome; --revision refuses a stale change)",
    () => import("./requests-transition.ts"),
    "requestsTransitionCommand",
  ),
];
