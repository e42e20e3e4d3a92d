import { parseArgs } from "node:util";
import type { AppContext } from "../app/app-context.ts";
import type { OpenedApp } from "../app/open-app.ts";
import { CONFIG_SOURCES } from "../config/config.schema.ts";
import { loadConfig } from "../config/load-config.ts";
import { isAppError, validationError } from "../errors/app-error.ts";
import { exitCodeFor } from "../errors/error-codes.ts";
import { issuesFromZod } from "../errors/from-zod.ts";
import type { CliIo } from "./cli-command.ts";
import { COMMANDS, type CommandEntry } from "./commands/index.ts";

const GLOBAL_FLAGS: Record<string, { type: "string" | "boolean" }> = Object.fromEntries([
  ...CONFIG_SOURCES.map((s) => [s.flag.slice(2), { type: "string" as const }]),
  ["config", { type: "string" as const }],
]);

function helpText(): string {
  const lines = ["Usage: gardien <command> [options]", "", "Commands:"];
  for (const c of COMMANDS) lines.push(`  ${c.usage.padEnd(64)} ${c.summary}`);
  lines.push("", "Global options (flag, then environment, then config file):");
  for (const s of CONFIG_SOURCES) lines.push(`  ${s.flag.padEnd(18)} ${s.env}`);
  lines.push(`  ${"--config FILE".padEnd(18)} GARDIEN_CONFIG (default ./gardien.config.json)`);
  return `${lines.join("\n")}\n`;
}

function findCommand(argv: string[]): { command: CommandEntry; rest: string[] } | undefined {
  let best: { command: CommandEntry; rest: string[] } | undefined;
  for (const command of COMMANDS) {
    const n = command.path.length;
    if (argv.length >= n && command.path.every((p, i) => argv[i] === p)) {
      if (!best || n > best.command.path.length) best = { command, rest: argv.slice(n) };
    }
  }
  return best;
}

/**
 * Runs one CLI invocation and returns its exit code: 0 done, 1 the check found problems (lint,
 * audit), 2 bad input, other codes from the error table. Messages name fields, never personal data.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help" || argv[0] === "-h") {
    io.stdout(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`gardien: unknown command "${argv.slice(0, 2).join(" ")}"\n\n${helpText()}`);
    return 2;
  }
  const { rest } = found;
  const command = await found.command.load();
  let opened: OpenedApp | undefined;
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...GLOBAL_FLAGS, ...command.flags, help: { type: "boolean", short: "h" } },
        allowPositionals: true,
        strict: true,
      });
    } catch (cause) {
      throw validationError([{ path: "argv", rule: "unknown_option", message: (cause as Error).message }]);
    }
    if (parsed.values.help) {
      io.stdout(`Usage: gardien ${command.usage}\n${command.summary}\n`);
      return 0;
    }
    const config = loadConfig({ argv: rest, env });
    const commandValues = Object.fromEntries(
      Object.entries(parsed.values).filter(([k]) => k in command.flags),
    );
    const options = command.schema.safeParse(commandValues);
    if (!options.success) {
      throw validationError(
        issuesFromZod(options.error).map((issue) => ({ ...issue, path: `--${issue.path}` })),
      );
    }
    let ctx: AppContext | undefined;
    const openContext = async () => {
      if (ctx) return ctx;
      const { openApp } = await import("../app/open-app.ts");
      opened = await openApp(config);
      ctx = opened.ctx;
      return ctx;
    };
    return await command.run({
      options: options.data,
      positionals: parsed.positionals,
      config,
      io,
      openContext,
    });
  } catch (error) {
    if (isAppError(error)) {
      io.stderr(`gardien: ${error.message}\n`);
      const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
      if (Array.isArray(issues) && issues.length > 1) {
        for (const issue of issues) io.stderr(`  - ${issue.path || "(root)"}: ${issue.message}\n`);
      }
      return exitCodeFor(error.code);
    }
    io.stderr(`gardien: internal error (this is a bug): ${(error as Error)?.name ?? "Error"}\n`);
    if (env.GARDIEN_DEBUG) io.stderr(`${(error as Error)?.stack}\n`);
    return 70;
  } finally {
    if (opened) await opened.close();
  }
}
