import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Two sets from Debian's wamerican, wbritish and wfrench word lists, for the scripts that build the name
 * lists. Lower-case words of English and French (`everyday`): a name that is also one of them ("Care",
 * "Mode", "Will") would read as a name after any cue. Capitalised words of the English lists (`proper`):
 * places, brands and people of note ("Lyon", "Brighton", "Michelin", "Tesla"), which lists of given names
 * drawn from birth records hold too.
 */
export function readWordLists(): { everyday: Set<string>; proper: Set<string> } {
  const everyday = new Set<string>();
  const proper = new Set<string>();
  for (const list of ["american-english", "british-english", "french"]) {
    let text: string;
    try {
      text = readFileSync(join("/usr/share/dict", list), "latin1");
    } catch {
      throw new Error(`/usr/share/dict/${list} is missing: apt-get install wamerican wbritish wfrench`);
    }
    // wfrench is ISO-8859-1; the English lists are ASCII, which latin1 reads the same.
    for (const word of text.split("\n")) {
      if (word !== "" && word === word.toLowerCase()) everyday.add(word);
      else if (list !== "french" && /^[A-Z][a-z]+$/.test(word)) proper.add(word);
    }
  }
  return { everyday, proper };
}
