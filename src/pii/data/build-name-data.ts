/**
 * Extracts the first and last names (and English street suffixes) of @faker-js/faker's fr, fr_BE, fr_CH and en locales into
 * names.ts, so detection needs neither the package nor its 5 MB of other locales at run time. The names of
 * the other locales whose people live and write in France, the UK and Ireland (West Africa, India, Nigeria,
 * Ghana, Southern and Central Europe, Vietnam, Turkey, Romania) go to a second pair of lists, which the
 * lexicon treats as names that need context (see lexicon.ts); those that are also English or French
 * words are left out (the word lists of Debian's wamerican, wbritish and wfrench packages).
 * The first names of gender-detection-from-name (MIT licence; some 38,000 French and 32,000 English given
 * names, rarer ones included: "Ginette", "Tugdual", "Imogen") make a third list, of rare names, under the
 * same filter; the lexicon asks more context of them (a preposition alone does not name one).
 * Run after upgrading faker: `node src/pii/data/build-name-data.ts`.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { allLocales } from "@faker-js/faker";
import { readWordLists } from "./read-word-lists.ts";

const LOCALES = ["fr", "fr_BE", "fr_CH", "en"] as const;
const MORE_LOCALES = [
  "fr_SN",
  "en_IN",
  "en_NG",
  "en_GH",
  "es",
  "pt_PT",
  "pt_BR",
  "it",
  "pl",
  "de",
  "nl",
  "vi",
  "tr",
  "ro",
] as const;

type NameTable = Record<string, readonly string[]> | undefined;
type Locale = keyof typeof allLocales;

function collect(
  pick: (l: (typeof allLocales)["fr"]) => NameTable,
  words: 1 | 2,
  locales: readonly Locale[] = LOCALES,
): string[] {
  const names = new Set<string>();
  const shape = words === 1 ? /^\p{Lu}[\p{L}'’-]*$/u : /^\p{Lu}\p{Ll}* \p{L}[\p{L}'’-]*$/u;
  for (const locale of locales) {
    for (const list of Object.values(pick(allLocales[locale]) ?? {})) {
      for (const name of list) if (shape.test(name)) names.add(name);
    }
  }
  return [...names].sort();
}

/** "Nguyễn" is often written "Nguyen", "Đặng" "Dang": the name without its diacritics, if it differs. */
function withoutMarks(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").replace(/Đ/g, "D").replace(/đ/g, "d").normalize("NFC");
}

const { everyday: EVERYDAY, proper: PROPER } = readWordLists();

/**
 * Names of MORE_LOCALES not already in `base`, with their unmarked forms; at least three letters (two-letter
 * names such as "Le", "Do", "Su" are everyday words too), and not an everyday word in lower case.
 */
function collectMore(pick: (l: (typeof allLocales)["fr"]) => NameTable, base: readonly string[]): string[] {
  const known = new Set(base);
  const out = new Set<string>();
  for (const name of collect(pick, 1, MORE_LOCALES)) {
    for (const form of [name, withoutMarks(name)]) {
      if ([...form].length >= 3 && !known.has(form) && !EVERYDAY.has(form.toLowerCase())) out.add(form);
    }
  }
  return [...out].sort();
}

const GIVEN_NAME_LANGUAGES = ["fr", "en", "es", "it", "de", "tr"] as const;

/**
 * gender-detection-from-name's given names, in lower case there ("jean-pierre"), capitalised as written
 * ("Jean-Pierre"); the same rules as collectMore: three letters or more, no everyday word, none already known;
 * and no place or brand (a proper noun of the English word lists, a saint's name: "Sainte-Marie").
 */
function givenNames(known: ReadonlySet<string>): string[] {
  const require = createRequire(import.meta.url);
  const out = new Set<string>();
  for (const language of GIVEN_NAME_LANGUAGES) {
    const names = require(`gender-detection-from-name/names/${language}.js`) as Map<string, string>;
    for (const lower of names.keys()) {
      if (!/^\p{Ll}+(?:-\p{Ll}+)*$/u.test(lower) || [...lower].length < 3 || EVERYDAY.has(lower)) continue;
      const name = lower.replace(/(^|-)(\p{Ll})/gu, (_, dash: string, c: string) => dash + c.toUpperCase());
      if (PROPER.has(name) || /^Saint/.test(name)) continue;
      // "Jean-Pierre": the lexicon reads a compound of known first names from its parts.
      if (name.includes("-") && name.split("-").every((part) => known.has(part))) continue;
      for (const form of [name, withoutMarks(name)]) if (!known.has(form)) out.add(form);
    }
  }
  return [...out];
}

const first = collect((l) => l.person?.first_name as NameTable, 1);
const last = collect((l) => l.person?.last_name as NameTable, 1);
const firstMore = collectMore((l) => l.person?.first_name as NameTable, first);
const firstRare = givenNames(new Set([...first, ...firstMore])).sort();
const lastMore = collectMore((l) => l.person?.last_name as NameTable, last);
// "Le gall", "Da silva": two words, the second sometimes in lower case, as faker writes them.
const lastTwoWords = collect((l) => l.person?.last_name as NameTable, 2);
// Street types written after the street's name in English addresses ("Kautzer Branch", "Watson Garth").
const streetSuffixes = [
  ...new Set([...allLocales.en.location!.street_suffix!, ...allLocales.en_GB.location!.street_suffix!]),
].sort();
const version = (await import("@faker-js/faker/package.json", { with: { type: "json" } })).default.version;
const givenVersion = (await import("gender-detection-from-name/package.json", { with: { type: "json" } }))
  .default.version;

const body = `// Generated by build-name-data.ts from @faker-js/faker ${version} (MIT licence,
// https://github.com/faker-js/faker), locales ${LOCALES.join(", ")}: person.first_name, person.last_name,
// and en/en_GB location.street_suffix.
// Do not edit by hand. ${first.length} first names, ${last.length} last names; from ${MORE_LOCALES.join(", ")}:
// ${firstMore.length} more first names and ${lastMore.length} more last names; from gender-detection-from-name
// ${givenVersion} (MIT licence, https://github.com/DavideViolante/gender-detection-from-name), languages
// ${GIVEN_NAME_LANGUAGES.join(", ")}: ${firstRare.length} rare first names.

export const FIRST_NAMES = ${JSON.stringify(first.join("|"))};

export const LAST_NAMES = ${JSON.stringify(last.join("|"))};

export const FIRST_NAMES_MORE = ${JSON.stringify(firstMore.join("|"))};

export const LAST_NAMES_MORE = ${JSON.stringify(lastMore.join("|"))};

export const FIRST_NAMES_RARE = ${JSON.stringify(firstRare.join("|"))};

export const LAST_NAMES_TWO_WORDS = ${JSON.stringify(lastTwoWords.join("|"))};

// location.street_suffix of the en and en_GB locales.
export const STREET_SUFFIXES_EN = ${JSON.stringify(streetSuffixes.join("|"))};
`;
writeFileSync(join(import.meta.dirname, "names.ts"), body);
console.log(
  `names.ts: ${first.length} first names, ${last.length} last names, ${firstMore.length} + ${lastMore.length} more, ${firstRare.length} rare`,
);
