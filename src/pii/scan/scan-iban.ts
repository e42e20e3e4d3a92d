import { at, F_WORD, FLAGS } from "./char-class.ts";
import { IBAN_LENGTHS, ibanValid } from "./checksums.ts";
import { emit, type Scan } from "./scan-state.ts";

const ENDS = new Int32Array(40);

/**
 * At two capital letters and two digits: reads up to 34 letters and digits, in groups separated by single
 * spaces or none, and checks the country's length and mod 97. Returns the end, or -1.
 */
export function scanIban(scan: Scan, s: number): number {
  const text = scan.text;
  const n = text.length;
  if (s > 0 && FLAGS[at(text, s - 1)]! & F_WORD) return -1;
  let chars = "";
  let i = s;
  while (i < n && chars.length < 34) {
    let c = at(text, i);
    if (c === 32 || c === 0xa0 || c === 45) {
      const next = at(text, i + 1);
      if (!((next >= 48 && next <= 57) || (next >= 65 && next <= 90))) break;
      i++;
      c = next;
    }
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
      chars += String.fromCharCode(c);
      ENDS[chars.length] = i + 1;
      i++;
    } else break;
  }
  const country = chars.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  const boundary = (len: number) => {
    const end = ENDS[len]!;
    return end >= n || !(FLAGS[at(text, end)]! & F_WORD);
  };
  if (expected !== undefined) {
    if (chars.length < expected || !boundary(expected)) return -1;
    // An IBAN-shaped value failing mod 97 is consumed whole: its digits are not a card or a phone.
    if (!ibanValid(chars.slice(0, expected))) return ENDS[expected]!;
    emit(scan, "IBAN", s, ENDS[expected]!, 0.99);
    return ENDS[expected]!;
  }
  for (let len = chars.length; len >= 15; len--) {
    if (boundary(len) && ibanValid(chars.slice(0, len))) {
      emit(scan, "IBAN", s, ENDS[len]!, 0.95);
      return ENDS[len]!;
    }
  }
  return -1;
}
