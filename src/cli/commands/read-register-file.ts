import { readFileSync } from "node:fs";
import { AppError, validationError } from "../../errors/app-error.ts";
import { formatFromFileName, parseRegisterText } from "../../register/io/register-file-format.ts";
import {
  parseRegisterSpreadsheet,
  spreadsheetFormatFromFileName,
} from "../../register/io/spreadsheet/register-spreadsheet.ts";
import type { RegisterFile } from "../../register/model/register-file.schema.ts";

function readOrThrow(path: string): Buffer {
  try {
    return readFileSync(path === "-" ? 0 : path);
  } catch (cause) {
    throw new AppError("NOT_FOUND", `cannot read ${path}`, { cause });
  }
}

/**
 * Reads and validates a register file named on the command line: register-as-code (.yaml, .yml, .json; "-" reads
 * standard input as YAML) or a CNIL register spreadsheet (.ods, .xlsx).
 */
export function readRegisterFile(path: string | undefined): RegisterFile {
  if (!path)
    throw validationError([{ path: "FILE", rule: "required", message: "name the register file to read" }]);
  const spreadsheet = path === "-" ? undefined : spreadsheetFormatFromFileName(path);
  if (spreadsheet) return parseRegisterSpreadsheet(readOrThrow(path), spreadsheet);
  const format = path === "-" ? "yaml" : formatFromFileName(path);
  if (!format) {
    throw validationError([
      { path: "FILE", rule: "extension", message: "must end in .yaml, .yml, .json, .ods or .xlsx" },
    ]);
  }
  return parseRegisterText(readOrThrow(path).toString("utf8"), format);
}
