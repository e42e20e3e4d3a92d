import type { RetentionRule } from "../register/model/activity.schema.ts";
import { RETENTION_EVENTS } from "../register/model/vocabulary.ts";
import type { Lang } from "./document-model.ts";

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

const UNITS: Record<Lang, readonly (readonly [string, string])[]> = {
  // [singular, plural] for years, months, weeks, days. French "mois" has no plural form; 0 and 1 are singular.
  fr: [
    ["an", "ans"],
    ["mois", "mois"],
    ["semaine", "semaines"],
    ["jour", "jours"],
  ],
  en: [
    ["year", "years"],
    ["month", "months"],
    ["week", "weeks"],
    ["day", "days"],
  ],
};

/**
 * An ISO 8601 calendar duration in words, as stated (P24M stays "24 mois", not "2 ans": the register's unit is
 * the one people read in the seed documents). A value that is not a duration comes back unchanged.
 *
 * @example formatDuration("P3Y", "fr") // "3 ans"
 * @example formatDuration("P1Y6M", "en") // "1 year and 6 months"
 */
export function formatDuration(iso: string, lang: Lang): string {
  const m = ISO_DURATION.exec(iso);
  if (!m) return iso;
  const parts: string[] = [];
  for (let i = 0; i < 4; i++) {
    const raw = m[i + 1];
    if (raw === undefined) continue;
    const n = Number(raw);
    const [one, many] = UNITS[lang][i]!;
    const singular = lang === "fr" ? n < 2 : n === 1;
    if (n > 0 || parts.length === 0) parts.push(`${n} ${singular ? one : many}`);
  }
  if (parts.length === 1) return parts[0]!;
  const last = parts.pop();
  return `${parts.join(", ")} ${lang === "fr" ? "et" : "and"} ${last}`;
}

/** Lower-cases the first letter of a phrase placed after a preposition, unless it starts an acronym. */
function inPhrase(text: string): string {
  const second = text.charAt(1);
  return second && second === second.toLowerCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** French "de" / "à" before a noun phrase, with the contractions of the article (du, des, au, aux). */
function frenchPreposition(prep: "de" | "à", phrase: string): string {
  const p = inPhrase(phrase);
  if (p.startsWith("le ")) return `${prep === "de" ? "du" : "au"} ${p.slice(3)}`;
  if (p.startsWith("les ")) return `${prep === "de" ? "des" : "aux"} ${p.slice(4)}`;
  return `${prep} ${p}`;
}

/**
 * A retention rule's period in words: "24 mois à compter du dernier contact" / "24 months from the last
 * contact"; a zero period runs until its event ("jusqu'à la fin de la relation contractuelle" / "until the end
 * of the contract"). Undefined when the rule has no measurable duration: the caller must then say the period is
 * not defined, never make one up.
 */
export function formatRetentionPeriod(rule: RetentionRule, lang: Lang): string | undefined {
  if (!rule.duration) return undefined;
  const zero = /^P(0[YMWD])+$/.test(rule.duration);
  const event = rule.from ? RETENTION_EVENTS[rule.from][lang] : undefined;
  if (zero) {
    // The detail of a zero period restates the event ("Fin de la relation commerciale"): the label reads better.
    if (!event) return lang === "fr" ? "aucune conservation" : "not kept";
    return lang === "fr" ? `jusqu'${frenchPreposition("à", event)}` : `until ${event}`;
  }
  const words = formatDuration(rule.duration, lang);
  const start = rule.fromDetail?.[lang] ?? event;
  if (!start) return words;
  return lang === "fr"
    ? `${words} à compter ${frenchPreposition("de", start)}`
    : `${words} from ${inPhrase(start)}`;
}
