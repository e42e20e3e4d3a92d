import { readFileSync } from "node:fs";
import { AppError, validationError } from "../../errors/app-error.ts";
import { formatFromFileName, parseRegisterText } from "../../register/io/register-file-format.ts";
import type { RegisterFile } from "../../register/model/register-file.schema.ts";

/** Reads and validates a register-as-code file named on the command line ("-" reads standard input as YAML). */
export function readRegisterFile(path: string | undefined): RegisterFile {
  if (!path)
    throw validationError([{ path: "FILE", rule: "required", message: "name the register file to read" }]);
  const format = path === "-" ? "yaml" : formatFromFileName(path);
  if (!format) {
    throw validationError([{ path: "FILE", rule: "extension", message: "must end in .yaml, .yml or .json" }]);
  }
  let text: string;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (cause) {
    throw new AppError("NOT_FOUND", `cannot read ${path}`, { cause });
  }
  return parseRegisterText(text, format);
}
