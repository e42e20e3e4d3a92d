import type { DetectOptions, Entity } from "./entity.ts";
import {
  F_WORD,
  FLAGS,
  T_AT,
  T_COLON,
  T_DIGIT,
  T_LOWER,
  T_NONE,
  T_PAREN,
  T_PLUS,
  T_UPPER,
  TRIGGER,
} from "./scan/char-class.ts";
import { W_AMBIG_EN, W_AMBIG_FR } from "./scan/lexicon.ts";
import { scanEmail } from "./scan/scan-email.ts";
import { scanIpv6AtColon } from "./scan/scan-ipv6.ts";
import { scanNumber } from "./scan/scan-number.ts";
import type { Scan } from "./scan/scan-state.ts";
import { scanCapitalised } from "./scan/scan-word.ts";

/**
 * Finds personal data in French or English text in one pass: each character is classified by a table
 * lookup, and only candidate starts (a digit, a capital letter, "@", "+", ":", "(") hand over to a
 * validator, which consumes what it recognised. No regex runs over the whole text.
 *
 * `lang` picks which list of everyday words that are also first names applies ("auto": both).
 * Entities come back sorted and non-overlapping, with UTF-16 offsets, end exclusive.
 *
 * Speed: ~100 MB/s single thread on message traffic where 30 % of messages hold personal data, ~55 MB/s
 * when every message does (bench/pii.ts). Strings from JSON, files or sockets are flat; a string built
 * by many `+=` is a rope that V8 reads several times slower, character by character.
 *
 * @example
 * detect("Écrivez à jean.dupont@example.fr", { lang: "fr" })
 * // [{ type: "EMAIL", start: 10, end: 32, score: 0.99 }]
 */
export function detect(text: string, options?: DetectOptions): Entity[] {
  const lang = options?.lang;
  const ambiguous = lang === "fr" ? W_AMBIG_FR : lang === "en" ? W_AMBIG_EN : W_AMBIG_FR | W_AMBIG_EN;
  const scan: Scan = { text, out: [], ambiguous };
  // Local copies: imported bindings are live and cost a check on every read in this hot loop.
  const TRIG = TRIGGER;
  const FL = FLAGS;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const t = TRIG[text.charCodeAt(i)]!;
    if (t === T_NONE) {
      i++;
      continue;
    }
    if (t === T_LOWER) {
      // A word in lower case starts nothing: skip it whole, digits included ("abc123").
      i++;
      while (i < n && FL[text.charCodeAt(i)]! & F_WORD) i++;
      continue;
    }
    const prevWord = i > 0 && (FL[text.charCodeAt(i - 1)]! & F_WORD) !== 0;
    if (t === T_DIGIT || t === T_UPPER) {
      if (prevWord) {
        i++;
        while (i < n && FL[text.charCodeAt(i)]! & F_WORD) i++;
        continue;
      }
      const next = t === T_DIGIT ? scanNumber(scan, i, i) : scanCapitalised(scan, i);
      i = next > i ? next : i + 1;
      continue;
    }
    if (t === T_AT) i = scanEmail(scan, i);
    else if (t === T_COLON) {
      const end = scanIpv6AtColon(scan, i);
      i = end > i ? end : i + 1;
    } else if (t === T_PLUS || t === T_PAREN) {
      const d = text.charCodeAt(i + 1);
      const end = d >= 48 && d <= 57 && !prevWord ? scanNumber(scan, i + 1, i) : -1;
      i = Math.max(end, i + 1);
    } else i++;
  }
  return scan.out;
}
