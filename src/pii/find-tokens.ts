import { ENTITY_TYPES, type EntityType } from "./entity.ts";

/** A token found in a text: where it is, as written, and its canonical form (`<PERSON_1>`). */
export type TokenMatch = { start: number; end: number; token: string };

export type TokenTextKind = "text" | "json";

/**
 * Where a text sits in a longer one that arrives in pieces: `afterWord` says the piece before it ended in
 * a word character, so a bare token at its very start is glued to that word and is none ("X", "PERSON_1").
 */
export type TokenTextOptions = { afterWord?: boolean };

/**
 * Delimiters a model may put around a token instead of `<` and `>`: HTML escaping, Markdown escaping,
 * or template brackets. A token is recognised with a pair, or bare (`PERSON_1`) between word boundaries;
 * an unpaired delimiter stays in the text. Longest openings first, so that `{{` is not read as `{`.
 */
const PAIRS: ReadonlyArray<readonly [open: string, close: string]> = [
  ["&lt;", "&gt;"],
  ["\\<", "\\>"],
  ["<", ">"],
  ["{{", "}}"],
  ["{", "}"],
  ["[", "]"],
];
/** In JSON text a backslash starts an escape: Markdown forms are not looked for there. */
const JSON_PAIRS = PAIRS.filter(([open]) => !open.startsWith("\\"));
const CLOSE_OF = new Map(PAIRS);

/**
 * The type names a model may write instead of Gardien's when it answers in French (it translates
 * `<PERSON_1>` into `<PERSONNE_1>`), each with the type it stands for. Written with `_` between words;
 * inside a pair of delimiters a space or a hyphen does as well.
 */
const ALIASES: ReadonlyArray<readonly [alias: string, type: EntityType]> = [
  ["PERSONNE", "PERSON"],
  ["TELEPHONE", "PHONE"],
  ["TÉLÉPHONE", "PHONE"],
  ["COURRIEL", "EMAIL"],
  ["E_MAIL", "EMAIL"],
  ["ADRESSE_EMAIL", "EMAIL"],
  ["ADRESSE_E_MAIL", "EMAIL"],
  ["ADRESSE_MAIL", "EMAIL"],
  ["CARTE_BANCAIRE", "CREDIT_CARD"],
  ["CARTE_DE_CREDIT", "CREDIT_CARD"],
  ["CARTE_DE_CRÉDIT", "CREDIT_CARD"],
  ["ADRESSE_IP", "IP_ADDRESS"],
  ["NIR", "FR_NIR"],
  ["SIREN", "FR_SIREN"],
  ["SIRET", "FR_SIRET"],
  ["ADRESSE", "POSTAL_ADDRESS"],
  ["ADRESSE_POSTALE", "POSTAL_ADDRESS"],
  ["DATE_DE_NAISSANCE", "DATE_OF_BIRTH"],
];

/** Upper case, no accents, `_` between words: the key a written type name is looked up by. */
const normaliseName = (name: string) =>
  name
    .replaceAll("\\_", "_")
    .replace(/[ -]/g, "_")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase();

const TYPE_OF = new Map<string, EntityType>([
  ...ENTITY_TYPES.map((t) => [t, t] as const),
  ...ALIASES.map(([alias, type]) => [normaliseName(alias), type] as const),
]);
/** Every name, longest first, so that `ADRESSE_POSTALE_1` is not read as `ADRESSE` followed by junk. */
const NAMES = [...ENTITY_TYPES, ...ALIASES.map(([alias]) => alias)].sort((a, b) => b.length - a.length);
/** Normalised names followed by `_`: what the start of a token's body may grow into. */
const NAME_PREFIXES = [...TYPE_OF.keys()].map((name) => `${name}_`);

/** Openings after which a name may be in any case, with spaces or hyphens: `<Personne 1>`, `{{person-1}}`. */
const LOOSE_OPENS = new Set(["&lt;", "\\<", "<", "{{"]);

const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
/** A name's letters in either case: the pattern is case-sensitive, so that `&LT;` is not an opening. */
const anyCase = (word: string) =>
  [...word].map((ch) => (ch.toLowerCase() === ch ? escapeRe(ch) : `[${ch}${ch.toLowerCase()}]`)).join("");
const pattern = (pairs: typeof PAIRS, markdown: boolean) => {
  const opens = pairs.map(([o]) => escapeRe(o)).join("|");
  const closes = pairs.map(([, c]) => escapeRe(c)).join("|");
  // Markdown may escape each underscore (`CREDIT\_CARD\_1`).
  const sep = markdown ? "(?:_|\\\\_| |-)" : "(?:_| |-)";
  const names = NAMES.map((name) => name.split("_").map(anyCase).join(sep)).join("|");
  return new RegExp(`(${opens})?(${names})(${sep})(\\d{1,9})(${closes})?`, "g");
};
const TEXT_TOKEN = pattern(PAIRS, true);
const JSON_TOKEN = pattern(JSON_PAIRS, false);

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** A token without its delimiters is written as Gardien writes it: upper case, words joined by `_`. */
const isStrictForm = (name: string, sep: string) => name === name.toUpperCase() && !/[ -]/.test(name + sep);

/**
 * Finds pseudonymisation tokens as a model may give them back: `<PERSON_1>` as Gardien wrote it, and the
 * forms models turn it into, `PERSON_1`, `&lt;PERSON_1&gt;`, `\<PERSON\_1\>`, `[PERSON_1]`, `{{PERSON_1}}`,
 * `[Person_1]`, translated (`<PERSONNE_1>`, `ADRESSE_POSTALE_1`) or spaced inside angle brackets or double
 * braces (`<Personne 1>`). Only Gardien's type names and their French translations count, so `<ORDER_1>` or
 * `USER_2` are not tokens. A bare one must stand alone (`XPERSON_1`, `PERSON_1a` are not tokens) and be
 * written as Gardien writes it: `person_1` may be a variable's name, "Person 1" a label in a transcript.
 *
 * @example
 * findTokens("Bonjour PERSON_1 (&lt;EMAIL_1&gt;)")
 * // [{ start: 8, end: 16, token: "<PERSON_1>" }, { start: 18, end: 33, token: "<EMAIL_1>" }]
 */
export function findTokens(
  text: string,
  kind: TokenTextKind = "text",
  options: TokenTextOptions = {},
): TokenMatch[] {
  const re = kind === "json" ? JSON_TOKEN : TEXT_TOKEN;
  re.lastIndex = 0;
  const out: TokenMatch[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [whole, open, name, sep, number, close] = m;
    const token = `<${TYPE_OF.get(normaliseName(name!))!}_${number}>`;
    const strict = isStrictForm(name!, sep!);
    const expected = open === undefined ? undefined : CLOSE_OF.get(open)!;
    // "{PERSON_1}}": the closing read was "}}", but "{" wants "}", which it begins with.
    const paired = expected !== undefined && close?.startsWith(expected) === true;
    if (paired && (strict || LOOSE_OPENS.has(open!) || !/[ -]/.test(name! + sep!))) {
      const end = m.index + whole.length - close.length + expected.length;
      out.push({ start: m.index, end, token });
      re.lastIndex = end;
      continue;
    }
    // Unpaired: the bare name and number, if they stand alone; the delimiters stay.
    const start = m.index + (open?.length ?? 0);
    const end = m.index + whole.length - (close?.length ?? 0);
    const glued = start > 0 ? isWordChar(text.charCodeAt(start - 1)) : options.afterWord === true;
    if (!strict || glued || isWordChar(text.charCodeAt(end))) {
      // "XPERSON_1": the match may have swallowed the start of a real token ("[PERSON_1" in "[[PERSON_1]]").
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start, end, token });
  }
  return out;
}

/**
 * Where the end of a streamed text may be the beginning of a token still on its way (`Bonjour <PERS`,
 * `PERSON_1` that may become `PERSON_12`, `&lt;EMAIL_1&g`): the index from which to hold the text back,
 * or `text.length` when all of it can go. Looks at the last `maxHeld` characters only.
 * Sending `text` up to that index and reading the rest with what comes next, told whether what was sent
 * ended in a word character (see TokenTextOptions), finds the same tokens as reading it all at once. So
 * an ordinary word goes at once: a stream waits only on what looks like the start of a token.
 *
 * @example tokenTailStart("Bonjour <PERS") // 8
 */
export function tokenTailStart(
  text: string,
  kind: TokenTextKind = "text",
  options: TokenTextOptions & { maxHeld?: number } = {},
): number {
  const pairs = kind === "json" ? JSON_PAIRS : PAIRS;
  const floor = Math.max(0, text.length - (options.maxHeld ?? 64));
  for (let p = floor; p < text.length; p++) {
    const c = text.charCodeAt(p);
    const glued = p > 0 ? isWordChar(text.charCodeAt(p - 1)) : options.afterWord === true;
    if (!(c >= 65 && c <= 90 && !glued) && !pairs.some(([open]) => open.charCodeAt(0) === c)) continue;
    if (isLiveTail(text.slice(p), pairs, kind === "text")) return p;
  }
  return text.length;
}

/** Whether a text ends in a word character: what the next piece of a stream is told (TokenTextOptions). */
export function endsInWord(text: string, before = false): boolean {
  return text === "" ? before : isWordChar(text.charCodeAt(text.length - 1));
}

/** Whether more text after `tail` could make it, or part of it, a different token match. */
function isLiveTail(tail: string, pairs: typeof PAIRS, markdown: boolean): boolean {
  for (const [open, close] of pairs) {
    if (open.startsWith(tail)) return true; // "&l", "{", "\\"
    if (tail.startsWith(open)) {
      const rest = tail.slice(open.length);
      if (isLiveBody(rest, close, markdown)) return true;
    }
  }
  return isLiveBody(tail, undefined, markdown);
}

/** The start of a written type name, bare and after an opening; the second of each reads Markdown escapes. */
const STRICT_NAME = [/^[A-ZÉ_]*/, /^(?:[A-ZÉ_]|\\_)*/] as const;
const LOOSE_NAME = [/^[A-Za-zÉé _-]*/, /^(?:[A-Za-zÉé _-]|\\_)*/] as const;

/**
 * `rest` after an opening (whose closing is `close`), or bare: live while it is the start of a type name,
 * its separator and number, and, after the number, the start of the closing (bare: the number may go on).
 */
function isLiveBody(rest: string, close: string | undefined, markdown: boolean): boolean {
  // After an opening, any case and spaces or hyphens may be read (finer rules apply once it is whole:
  // holding back more than needed only delays a piece). Bare, only Gardien's own form.
  const written = (close === undefined ? STRICT_NAME : LOOSE_NAME)[markdown ? 1 : 0].exec(rest)![0];
  const name = normaliseName(written);
  const digits = /^\d*/.exec(rest.slice(written.length))![0];
  const after = rest.slice(written.length + digits.length);
  if (digits === "") {
    // A Markdown "\" may be the start of an escaped underscore.
    const start = markdown && after === "\\" ? `${name}_` : after === "" ? name : undefined;
    return start !== undefined && NAME_PREFIXES.some((t) => t.startsWith(start));
  }
  if (!NAME_PREFIXES.includes(name)) return false;
  if (close === undefined) return after === "";
  return after.length < close.length && close.startsWith(after);
}
