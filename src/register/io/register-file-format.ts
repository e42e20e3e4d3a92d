import { parseDocument, stringify } from "yaml";
import { validationError } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { RegisterFile } from "../model/register-file.schema.ts";

export type RegisterFormat = "yaml" | "json";

export function formatFromFileName(name: string): RegisterFormat | undefined {
  if (/\.ya?ml$/i.test(name)) return "yaml";
  if (/\.json$/i.test(name)) return "json";
  return undefined;
}

export function serializeRegister(file: RegisterFile, format: RegisterFormat): string {
  if (format === "json") return `${JSON.stringify(file, null, 2)}\n`;
  return stringify(file, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Parses register-as-code text. Syntax errors name the line; schema errors name the field path
 * (`activities[2].purposes[0].legalBasis.code`). Every problem is reported, not just the first.
 */
export function parseRegisterText(text: string, format: RegisterFormat): RegisterFile {
  let raw: unknown;
  if (format === "json") {
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      // JSON.parse quotes the text around the error, which may be personal data: give the position only.
      const position = /position (\d+)/.exec((cause as Error).message)?.[1];
      throw validationError([
        {
          path: "",
          rule: "json_syntax",
          message: `not valid JSON${position ? ` (at character ${position})` : ""}`,
        },
      ]);
    }
  } else {
    // prettyErrors fills in line positions; only the line and the error code are reported, never the text.
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      throw validationError(
        doc.errors.map((e) => ({
          path: "",
          rule: "yaml_syntax",
          message: `line ${e.linePos?.[0]?.line ?? "?"}, column ${e.linePos?.[0]?.col ?? "?"}: ${e.code}`,
        })),
      );
    }
    raw = doc.toJS({ maxAliasCount: 100 });
  }
  return parseOrThrow(RegisterFile, raw);
}
