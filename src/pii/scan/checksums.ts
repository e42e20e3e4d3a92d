/**
 * Checksums that separate real identifiers from look-alikes. They read a digit buffer the scanner fills
 * (one digit value per cell), so no string is built for numbers that turn out to be nothing.
 */

/** Luhn (mod 10) over `len` digits of `d` from `from`: cards (ISO/IEC 7812), SIREN and SIRET (INSEE). */
export function luhnDigits(d: Uint8Array, from: number, len: number): boolean {
  let sum = 0;
  for (let i = 0; i < len; i++) {
    let v = d[from + len - 1 - i]!;
    if (i & 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

/** Remainder mod 97 of the number written by `len` digits of `d`. */
export function mod97Digits(d: Uint8Array, from: number, len: number): number {
  let r = 0;
  for (let i = from; i < from + len; i++) r = (r * 10 + d[i]!) % 97;
  return r;
}

/**
 * French NIR (numéro de sécurité sociale): 13 digits then a key = 97 − (number mod 97). The scanner has
 * already written Corsica's 2A/2B as 19/18, the substitution INSEE prescribes for computing the key.
 */
export function nirValid(d: Uint8Array, from: number): boolean {
  const sex = d[from]!;
  if (sex !== 1 && sex !== 2 && sex !== 3 && sex !== 4 && sex !== 7 && sex !== 8) return false;
  const month = d[from + 3]! * 10 + d[from + 4]!;
  // 01–12, or 20–42 and 50–99 for people whose birth month is unknown (INSEE's "pseudo-months").
  if (month === 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) return false;
  const key = d[from + 13]! * 10 + d[from + 14]!;
  return key >= 1 && key <= 97 && 97 - mod97Digits(d, from, 13) === key;
}

/** ISO 13616 IBAN check over its characters (letters A–Z, digits), without spaces: mod 97 must be 1. */
export function ibanValid(chars: string): boolean {
  const n = chars.length;
  let r = 0;
  for (let k = 0; k < n; k++) {
    const c = chars.charCodeAt((k + 4) % n);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + (c - 55)) % 97;
    else return false;
  }
  return r === 1;
}

/** IBAN lengths of the SEPA countries (ECB/SWIFT IBAN registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
  GF: 27,
  GP: 27,
  MQ: 27,
  RE: 27,
  PF: 27,
  TF: 27,
  YT: 27,
  NC: 27,
  PM: 27,
  WF: 27,
  BL: 27,
  MF: 27,
};
