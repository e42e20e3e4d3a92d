import { strFromU8, unzipSync } from "fflate";
import { validationError } from "../../../errors/app-error.ts";

/** A zip archive's entries by path; a file that is not a zip is bad input, not a crash. */
export function unzipOrThrow(bytes: Uint8Array, what: string): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch (cause) {
    throw Object.assign(
      validationError([{ path: "", rule: "file_format", message: `not a readable ${what} file (zip)` }]),
      { cause },
    );
  }
}

export function entryText(entries: Record<string, Uint8Array>, path: string, what: string): string {
  const entry = entries[path];
  if (!entry) {
    throw validationError([
      { path: "", rule: "file_format", message: `not a ${what} file: ${path} is missing` },
    ]);
  }
  return strFromU8(entry);
}
