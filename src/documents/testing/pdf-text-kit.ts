import { execFileSync, spawnSync } from "node:child_process";

/** pdftotext (Debian poppler-utils) is a system tool: the tests that need it say so and skip without it. */
export const PDFTOTEXT_MISSING: string | false =
  spawnSync("pdftotext", ["-v"]).error === undefined
    ? false
    : "pdftotext not installed (apt-get install poppler-utils)";

/**
 * The text of a PDF as pdftotext extracts it. `-layout` keeps the page's geometry (side-by-side table cells share
 * a line); `-raw` keeps the order the text was drawn in, which for Gardien's PDFs is reading order, a cell's
 * wrapped lines one after the other. Pages are separated by a form feed.
 */
export function pdfText(pdf: Uint8Array, mode: "-layout" | "-raw"): string {
  return execFileSync("pdftotext", [mode, "-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8");
}

/** pdfinfo's fields (Title, Author, Subject, CreationDate...), from the same poppler-utils package. */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-isodates", "-"], { input: pdf }).toString("utf8");
  return Object.fromEntries(out.split("\n").map((l) => [l.split(":")[0]!, l.replace(/^[^:]*:\s*/, "")]));
}

/** The text without the running header and the page numbers, so that a sentence cut by a page break reads whole. */
export function bodyText(text: string, header: string): string {
  return text
    .split("\n")
    .filter((line) => {
      const l = line.replace(/\f/g, "").replace(/\s+/g, " ").trim();
      return l !== header && !/^Page \d+ (\/|of) \d+$/.test(l);
    })
    .join("\n");
}

/** The number of pages, counted in the file's page tree (pdfkit writes page dictionaries uncompressed). */
export function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
