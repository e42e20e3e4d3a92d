import { type ValidationIssue, validationError } from "../../../errors/app-error.ts";
import { formatPath } from "../../../errors/from-zod.ts";
import { RegisterFile } from "../../model/register-file.schema.ts";
import { readOds } from "./read-ods.ts";
import { type CellLocation, readRegisterWorkbook } from "./read-register-workbook.ts";
import { readXlsx } from "./read-xlsx.ts";
import type { ReadWorkbook, SpreadsheetFormat } from "./workbook.ts";
import { writeOds } from "./write-ods.ts";
import { registerToWorkbook } from "./write-register-workbook.ts";
import { writeXlsx } from "./write-xlsx.ts";

export { CONTENT_TYPES, type SpreadsheetFormat } from "./workbook.ts";

export function spreadsheetFormatFromFileName(name: string): SpreadsheetFormat | undefined {
  if (/\.ods$/i.test(name)) return "ods";
  if (/\.xlsx$/i.test(name)) return "xlsx";
  return undefined;
}

/**
 * The register as a CNIL "modèle de registre" spreadsheet (.ods or .xlsx).
 *
 * @example writeFileSync("registre.xlsx", serializeRegisterSpreadsheet(file, "xlsx"));
 */
export function serializeRegisterSpreadsheet(
  file: RegisterFile,
  format: SpreadsheetFormat,
  options: { created?: Date } = {},
): Uint8Array {
  const workbook = registerToWorkbook(file);
  return format === "ods" ? writeOds(workbook, options) : writeXlsx(workbook, options);
}

export function readSpreadsheet(bytes: Uint8Array, format: SpreadsheetFormat): ReadWorkbook {
  return format === "ods" ? readOds(bytes) : readXlsx(bytes);
}

function locate(
  path: ReadonlyArray<PropertyKey>,
  cells: Map<string, CellLocation>,
): CellLocation | undefined {
  for (let n = path.length; n >= 0; n--) {
    const found = cells.get(formatPath(path.slice(0, n)));
    if (found) return found;
  }
  return undefined;
}

/**
 * Reads a register spreadsheet and validates it with the `RegisterFile` schema. Each error names the register
 * path and where it is in the workbook: `Feuille "crm", cellule D14: Invalid option…`.
 *
 * @example parseRegisterSpreadsheet(readFileSync("registre.ods"), "ods").activities.length
 */
export function parseRegisterSpreadsheet(bytes: Uint8Array, format: SpreadsheetFormat): RegisterFile {
  const reading = readRegisterWorkbook(readSpreadsheet(bytes, format));
  const result = RegisterFile.safeParse(reading.raw);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => {
    const where = locate(issue.path, reading.cells) ?? { sheet: reading.machineSheet ?? "Registre" };
    const place = where.cell ? `Feuille "${where.sheet}", cellule ${where.cell}` : `Feuille "${where.sheet}"`;
    // Zod messages never quote the rejected value, so no personal data reaches the error.
    return { path: formatPath(issue.path), rule: issue.code, message: `${place}: ${issue.message}` };
  });
  throw validationError(issues);
}
