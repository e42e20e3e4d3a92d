const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc`´]/g;
const SPACES = /\s+/g;

/** Lower case, without accents, curly apostrophes or repeated spaces: the form two wordings are compared in. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(APOSTROPHES, "'")
    .toLowerCase()
    .replace(SPACES, " ")
    .trim();
}
