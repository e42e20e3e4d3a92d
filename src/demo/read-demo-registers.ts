import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { AppError } from "../errors/app-error.ts";
import { issuesFromZod } from "../errors/from-zod.ts";
import { RegisterFile } from "../register/model/register-file.schema.ts";

/** The demo organisations, one register-as-code file each, modelled on the seed documents. */
export const DEMO_SLUGS = ["regis", "logeas", "julie-desk"] as const;
export type DemoSlug = (typeof DEMO_SLUGS)[number];

export function demoRegisterPath(slug: DemoSlug): string {
  return join(import.meta.dirname, "data", `${slug}.yaml`);
}

/**
 * Reads one register YAML file and validates it against `RegisterFile`. A demo file that does not parse is a bug
 * in the shipped data, so the error names the file and every failing path.
 *
 * @example readRegisterYaml(demoRegisterPath("regis")).organisation.siren // "903747350"
 */
export function readRegisterYaml(path: string): RegisterFile {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new AppError("INTERNAL", `register file ${path} cannot be read as YAML`, { cause });
  }
  const result = RegisterFile.safeParse(raw);
  if (!result.success) {
    const issues = issuesFromZod(result.error);
    const list = issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ");
    throw new AppError("INTERNAL", `register file ${path} is invalid: ${list}`, {
      details: { file: path, issues },
      cause: result.error,
    });
  }
  return result.data;
}

/** The three demo registers, in `DEMO_SLUGS` order. */
export function readDemoRegisters(): RegisterFile[] {
  return DEMO_SLUGS.map((slug) => {
    const path = demoRegisterPath(slug);
    const file = readRegisterYaml(path);
    if (file.organisation.slug !== slug) {
      throw new AppError(
        "INTERNAL",
        `register file ${path}: organisation.slug is "${file.organisation.slug}", expected "${slug}"`,
      );
    }
    return file;
  });
}
