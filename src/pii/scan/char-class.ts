/**
 * One table lookup per character decides what the scanner does with it, so the main loop never calls a
 * regex on text that holds nothing interesting. Built once for the Basic Multilingual Plane below U+2000;
 * letters above (CJK, etc.) are treated as plain text: no name, street or identifier is written in them here.
 */
export const F_LETTER = 1;
export const F_DIGIT = 2;
export const F_UPPER = 4;
export const F_LOWER = 8;
export const F_WORD = F_LETTER | F_DIGIT;
export const F_SPACE = 16;
export const F_HEX = 32;

export const FLAGS = new Uint8Array(65536);

/**
 * What the main loop needs from one character, in one lookup: S_WORD (a letter or digit), S_AFTER_GAP (a
 * digit or capital: a candidate when the character before is not S_WORD), S_ALWAYS ("@", "+", ":", "(":
 * always a candidate). Everything else, lower-case words included, is passed over without a branch taken.
 */
export const S_WORD = 1;
export const S_AFTER_GAP = 2;
export const S_ALWAYS = 4;
export const START = new Uint8Array(65536);

for (let c = 0; c < 0x2000; c++) {
  const ch = String.fromCharCode(c);
  let f = 0;
  if (c >= 48 && c <= 57) f |= F_DIGIT | F_HEX;
  else if (/\p{L}/u.test(ch)) {
    f |= F_LETTER;
    if (/\p{Lu}/u.test(ch)) f |= F_UPPER;
    else f |= F_LOWER;
  }
  if ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)) f |= F_HEX;
  if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) f |= F_SPACE;
  FLAGS[c] = f;
}
// Narrow and thin no-break spaces: French typography puts them before ":" and inside numbers.
for (const c of [0x2009, 0x202f, 0x2007]) FLAGS[c] = F_SPACE;
for (let c = 0; c < 65536; c++) {
  const f = FLAGS[c]!;
  START[c] = (f & F_WORD ? S_WORD : 0) | (f & (F_DIGIT | F_UPPER) ? S_AFTER_GAP : 0);
}
// "@", "+", ":", "(": an e-mail, an international or bracketed phone number, an IPv6 address.
// A line break is rare and marks where a table's header ends (detect's second readings).
for (const c of [64, 43, 58, 40, 10]) START[c] = START[c]! | S_ALWAYS;

/**
 * `text.charCodeAt(i)`, or 0 outside the text. The handlers read around their candidate without checking
 * the text's bounds first; `charCodeAt` would answer NaN there, and a single NaN seen at a call site makes
 * V8 compile that site, and the table lookups fed from it, into a generic path several times slower.
 * 0 behaves as NaN did in every test the scanner makes: FLAGS[0] and START[0] are 0, and no character
 * the scanner looks for is NUL.
 */
export const at = (text: string, i: number): number => (i >= 0 && i < text.length ? text.charCodeAt(i) : 0);
