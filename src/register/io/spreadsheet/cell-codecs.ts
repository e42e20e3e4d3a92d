import type { Label } from "../../model/vocabulary.ts";

/**
 * How one field of the register shows in a cell, and how a cell reads back. `read` gets the cell text and the
 * field's value in the machine-readable layer (undefined when there is none) and returns the field's value,
 * undefined to leave it unset. A cell it cannot make sense of is returned as is: the Zod schema then rejects
 * it, and the error names the cell.
 */
export type Codec = {
  write: (value: unknown) => string;
  read?: (cell: string, hidden: unknown) => unknown;
};

type I18n = { fr?: string; en?: string };

function isI18n(value: unknown): value is I18n {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function normalise(text: string): string {
  return text.normalize("NFC").replace(/[’`]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

export const text: Codec = {
  write: (v) => (typeof v === "string" ? v : ""),
  read: (cell) => (cell.trim() === "" ? undefined : cell),
};

function i18nShown(value: unknown): string {
  return isI18n(value) ? (value.fr ?? value.en ?? "") : "";
}

/**
 * A French/English text shows its French (its English when it has no French). An unchanged cell keeps both;
 * a changed cell replaces the text it showed, and an edited French text drops the English one, which no longer
 * translates it: the linter then reports the missing translation instead of documents quoting a stale one.
 */
export const i18n: Codec = {
  write: i18nShown,
  read: (cell, hidden) => {
    const value = cell.trim();
    if (value === "") return undefined;
    if (isI18n(hidden) && i18nShown(hidden).trim() === value) return hidden;
    if (isI18n(hidden) && hidden.fr === undefined && hidden.en !== undefined) return { en: value };
    return { fr: value };
  },
};

/** A closed code list shown by its French label; French or English labels and the bare code all read back. */
export function code(vocabulary: Readonly<Record<string, Label>>): Codec {
  const byText = new Map<string, string>();
  for (const [key, label] of Object.entries(vocabulary)) {
    byText.set(normalise(key), key);
    byText.set(normalise(label.en), key);
    byText.set(normalise(label.fr), key);
  }
  return {
    write: (v) => (typeof v === "string" ? (vocabulary[v]?.fr ?? v) : ""),
    read: (cell) => {
      if (cell.trim() === "") return undefined;
      return byText.get(normalise(cell)) ?? cell.trim();
    },
  };
}

const TRUE_WORDS = new Set(["oui", "yes", "true", "vrai", "1", "x"]);
const FALSE_WORDS = new Set(["non", "no", "false", "faux", "0"]);

function readBoolean(cell: string): unknown {
  const word = normalise(cell);
  if (word === "") return undefined;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return cell.trim();
}

export const yesNo: Codec = {
  write: (v) => (v === true ? "Oui" : v === false ? "Non" : ""),
  read: readBoolean,
};

/** A yes/no question asked the other way round ("Transferts hors UE ?" for `noTransferOutsideEea`). */
export const noYes: Codec = {
  write: (v) => (v === true ? "Non" : v === false ? "Oui" : ""),
  read: (cell) => {
    const value = readBoolean(cell);
    return typeof value === "boolean" ? !value : value;
  },
};

/** Two words for a boolean with a default (`main` of a purpose). */
export function choice(whenTrue: string, whenFalse: string): Codec {
  return {
    write: (v) => (v === true ? whenTrue : whenFalse),
    read: (cell) => {
      const word = normalise(cell);
      if (word === normalise(whenTrue)) return true;
      if (word === normalise(whenFalse) || word === "") return false;
      return readBoolean(cell);
    },
  };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD. A date typed into a spreadsheet may come back as a day serial (Excel) or as DD/MM/YYYY. */
export const date: Codec = {
  write: (v) => (typeof v === "string" ? v : ""),
  read: (cell) => {
    const value = cell.trim();
    if (value === "") return undefined;
    if (/^\d{4,6}(\.\d+)?$/.test(value)) {
      return new Date(EXCEL_EPOCH + Math.floor(Number(value)) * 86_400_000).toISOString().slice(0, 10);
    }
    const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    if (french) return `${french[3]}-${french[2]?.padStart(2, "0")}-${french[1]?.padStart(2, "0")}`;
    return value;
  },
};

function splitLines(cell: string): string[] {
  return cell
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** A list of short strings, one a line. */
export const lines: Codec = {
  write: (v) => (Array.isArray(v) ? v.join("\n") : ""),
  read: splitLines,
};

/** Like `lines`, with a word for the empty list ("every data category"). */
export function linesOr(emptyWord: string): Codec {
  return {
    write: (v) => (Array.isArray(v) && v.length > 0 ? v.join("\n") : emptyWord),
    read: (cell) => (normalise(cell) === normalise(emptyWord) ? [] : splitLines(cell)),
  };
}

/**
 * A list of objects, one a line, each shown by one of its texts. Line i is matched with item i of the
 * machine-readable layer: an unchanged line keeps the whole item, a changed one becomes `make(line, item)`.
 */
export function objectLines(
  shown: (item: unknown) => string,
  make: (line: string, item: unknown) => unknown,
): Codec {
  return {
    write: (v) => (Array.isArray(v) ? v.map((item) => shown(item).replace(/\n/g, " ")).join("\n") : ""),
    read: (cell, hidden) => {
      const before = Array.isArray(hidden) ? hidden : [];
      return splitLines(cell).map((line, i) =>
        before[i] !== undefined && shown(before[i]).replace(/\n/g, " ").trim() === line
          ? before[i]
          : make(line, before[i]),
      );
    },
  };
}

export const i18nLines = objectLines(i18nShown, (line, item) => i18n.read?.(line, item));

/** Shown for a person, never read back (a readable duration next to its ISO 8601 form). */
export function shown(write: (value: unknown) => string): Codec {
  return { write };
}

const UNITS: ReadonlyArray<[string, string, string]> = [
  ["Y", "an", "ans"],
  ["M", "mois", "mois"],
  ["W", "semaine", "semaines"],
  ["D", "jour", "jours"],
];

/** "P3Y" → "3 ans", "P1Y6M" → "1 an 6 mois", "P0D" → "aucune (dès l'événement)". */
export function readableDuration(value: unknown): string {
  if (typeof value !== "string") return "";
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(value);
  if (!match) return "";
  const parts = UNITS.flatMap(([, one, many], i) => {
    const n = match[i + 1];
    return n === undefined ? [] : [`${Number(n)} ${Number(n) > 1 ? many : one}`];
  });
  if (parts.every((p) => p.startsWith("0 "))) return "aucune (dès l'événement)";
  return parts.join(" ");
}
