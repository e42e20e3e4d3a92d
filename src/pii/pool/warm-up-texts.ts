import { FIRST_NAMES, LAST_NAMES } from "../data/names.ts";

/*
 * Messages that take the scanner through each of its paths (every entity type, look-alikes that fail
 * their checksum, names with and without context, addresses, birth dates), so that a worker compiles it
 * before the first real batch instead of during it. Values are made up: identifiers drawn at random and
 * given a valid checksum ({CARD}, {IBAN}, {NIR}, {SIREN}, {SIRET}), other digits drawn at random, so most
 * of those fail theirs; documentation addresses (RFC 5737, RFC 3849, example.org).
 */
const TEMPLATES = [
  "Bonjour {F}, je m'appelle {F} {L} et mon numéro est le 06 {2} {2} {2} {2}. Écrivez-moi à {f}.{l}@example.org.",
  "Hello {F}, please call me back on +44 20 {4} {4} or +1 (212) {3}-{4}. Thanks, {F} {L}",
  "Mon IBAN : {IBAN}, carte {CARD}, ou l'ancien FR{2} {4} {4} {4} {4} {4} {3} et la carte {4} {4} {4} {4}.",
  "M. {L} habite au {2} rue des {L}, 75{3} Paris, né le {1}/0{1}/19{2}.",
  "Mrs {L} lives at {3} Station Road, Cambridge CB1 2JH; date of birth: {1} May 19{2}.",
  "Numéro de sécurité sociale : {NIR}, SIRET {SIRET}, SIREN {SIREN}; devis 1 {2} 0{1} {2} {3} {3} {2}, {9}.",
  "Connexion depuis 192.0.2.{2} puis 2001:db8::{4}:{2} à 14:{2}, version {1}.{1}.{1}.{1} du client.",
  "Commande n° {9}{7}, suivi {4}{4}{4}{4}, devis {9}{6} du {2}/{2}/20{2}, montant {3},{2} €.",
  "Cordialement,\n{F} {L}\nTél. : 0{1}.{2}.{2}.{2}.{2}",
  "Pierre qui roule n'amasse pas mousse; Grace period ends in May. Will you sign, {F}?",
  "Dear {F}, the meeting with Dr {L} and {L} {F} is on 12 March 2025 at 10:30.",
  "Envoyez le contrat à {F} {L}, {2} bis avenue {F} {L}, 69{3} Lyon, ou à {f}@example.fr.",
  "DUPONT {F}, né(e) le {2} janvier 19{2}, tél. 0033 {1} {2} {2} {2} {2}, IBAN DE{2}{9}{9}.",
  "User {f}_{l} logged in from 198.51.100.{2} (ticket {3}-{4}, build {2}.{2}.{3}).",
];

/** The digit that completes `digits` to a valid Luhn number. */
function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let v = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return String((10 - (sum % 10)) % 10);
}

/** `digits` (a string of digits) mod 97, read as one number. */
function mod97(digits: string): number {
  let r = 0;
  for (const c of digits) r = (r * 10 + Number(c)) % 97;
  return r;
}

const FIRST = FIRST_NAMES.split("|");
const LAST = LAST_NAMES.split("|");

/** `count` made-up messages (about 100 characters each), the same ones on every call. */
export function warmUpTexts(count: number): string[] {
  let seed = 0x2f6b3a1d;
  const next = () => {
    seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x297a2d39;
    return (seed >>> 0) / 2 ** 32;
  };
  const pick = (list: readonly string[]) => list[Math.floor(next() * list.length)]!;
  const digits = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += String(Math.floor(next() * 10));
    return s;
  };
  const valid: Record<string, () => string> = {
    CARD: () => {
      const d = `4${digits(14)}`;
      return `${d}${luhnDigit(d)}`.replace(/(\d{4})(?=\d)/g, "$1 ");
    },
    SIREN: () => {
      const d = digits(8);
      return `${d}${luhnDigit(d)}`;
    },
    SIRET: () => {
      const d = digits(13);
      return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 9)} ${d.slice(9)}${luhnDigit(d)}`;
    },
    // FR: the check digits make "BBAN FR00", letters as numbers (F=15, R=27), ≡ 1 mod 97.
    IBAN: () => {
      const bban = digits(23);
      const check = String(98 - mod97(`${bban}152700`)).padStart(2, "0");
      return `FR${check}${bban}`.replace(/(.{4})(?=.)/g, "$1 ");
    },
    NIR: () => {
      const d = `${1 + Math.floor(next() * 2)}${digits(2)}0${1 + Math.floor(next() * 9)}75${digits(6)}`;
      const key = String(97 - mod97(d)).padStart(2, "0");
      return `${d[0]} ${d.slice(1, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7, 10)} ${d.slice(10)} ${key}`;
    },
  };
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    texts.push(
      TEMPLATES[i % TEMPLATES.length]!.replace(/\{([A-Z]{2,}|F|L|f|l|\d)\}/g, (_, k: string) => {
        if (k.length > 1) return valid[k]!();
        if (k === "F") return pick(FIRST);
        if (k === "L") return pick(LAST);
        if (k === "f") return pick(FIRST).toLowerCase();
        if (k === "l") return pick(LAST).toLowerCase();
        return digits(Number(k));
      }),
    );
  }
  // Through JSON, as a batch from a request body: flat strings, not the ropes `replace` may build.
  return JSON.parse(JSON.stringify(texts)) as string[];
}
