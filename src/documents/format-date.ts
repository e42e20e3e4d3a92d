import type { Lang } from "./document-model.ts";

const MONTHS: Record<Lang, readonly string[]> = {
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/**
 * A register date (YYYY-MM-DD) in words: "8 décembre 2018" / "8 December 2018". French writes the first day of
 * a month as an ordinal ("1er mars"). Written out by hand rather than through Intl so the output is the same
 * on every ICU build. A value that is not a date comes back unchanged.
 *
 * @example formatDate("2018-12-08", "fr") // "8 décembre 2018"
 */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[lang][Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  const day = Number(m[3]);
  return `${lang === "fr" && day === 1 ? "1er" : String(day)} ${month} ${m[1]}`;
}

/** The latest of some YYYY-MM-DD dates (they sort as text), or undefined when there is none. */
export function latestDate(dates: Iterable<string | undefined>): string | undefined {
  let latest: string | undefined;
  for (const d of dates) if (d && (!latest || d > latest)) latest = d;
  return latest;
}
