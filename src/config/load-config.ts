import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { AppError } from "../errors/app-error.ts";
import { formatPath } from "../errors/from-zod.ts";
import { CONFIG_SOURCES, type Config, ConfigSchema } from "./config.schema.ts";

export type ConfigSourcesInput = {
  /** Flags already split from argv: `--port 3001` or `--port=3001`. Unknown flags are ignored here. */
  argv?: ReadonlyArray<string>;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
};

const DEFAULT_FILE = "gardien.config.json";

function flagValue(argv: ReadonlyArray<string>, flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new AppError("CONFIG_INVALID", `config file ${path} cannot be read`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (cause) {
    throw new AppError(
      "CONFIG_INVALID",
      `config file ${path} is not valid ${/\.ya?ml$/i.test(path) ? "YAML" : "JSON"}`,
      {
        cause,
      },
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AppError("CONFIG_INVALID", `config file ${path} must hold an object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Reads the configuration once, at start: flags first, then the environment, then the file
 * (`--config`, `GARDIEN_CONFIG`, or ./gardien.config.json). The result is frozen.
 */
export function loadConfig(input: ConfigSourcesInput = {}): Config {
  const argv = input.argv ?? [];
  const env = input.env ?? process.env;
  const cwd = input.cwd ?? process.cwd();

  const explicitFile = flagValue(argv, "--config") ?? env.GARDIEN_CONFIG;
  const filePath = explicitFile ? resolve(cwd, explicitFile) : resolve(cwd, DEFAULT_FILE);
  const fromFile = explicitFile || existsSync(filePath) ? readConfigFile(filePath) : {};

  const merged: Record<string, unknown> = { ...fromFile };
  const origin: Record<string, string> = {};
  for (const key of Object.keys(fromFile)) origin[key] = `config file ${filePath}`;
  for (const source of CONFIG_SOURCES) {
    const fromEnv = env[source.env];
    if (fromEnv !== undefined && fromEnv !== "") {
      merged[source.key] = fromEnv;
      origin[source.key] = `environment variable ${source.env}`;
    }
    const fromFlag = flagValue(argv, source.flag);
    if (fromFlag !== undefined) {
      merged[source.key] = fromFlag;
      origin[source.key] = `flag ${source.flag}`;
    }
  }

  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") {
        return `${issue.keys.join(", ")} (from ${origin[issue.keys[0] ?? ""] ?? "config"}): unknown setting`;
      }
      const key = formatPath(issue.path);
      const where = origin[String(issue.path[0])] ?? "default";
      return `${key} (from ${where}): ${issue.message}`;
    });
    throw new AppError("CONFIG_INVALID", `invalid configuration: ${lines.join("; ")}`, {
      details: { issues: lines },
    });
  }
  return Object.freeze({ ...result.data, dataDir: resolve(cwd, result.data.dataDir) });
}
