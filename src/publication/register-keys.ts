import type { Activity } from "../register/model/activity.schema.ts";
import type { I18nText } from "../register/model/common.schema.ts";

/**
 * How two versions of a register recognise "the same" purpose, recipient or transfer: by their words, not
 * their position, since authors reorder lists. Case, accents and spacing do not make a new purpose.
 */
export function textKey(text: I18nText | string | undefined): string {
  const raw = typeof text === "string" ? text : (text?.fr ?? text?.en ?? "");
  return raw.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export function recipientKey(r: Activity["recipients"][number]): string {
  return `${r.kind}|${textKey(r.name)}`;
}

export function transferKey(t: Activity["transfers"][number]): string {
  return `${t.country ?? t.internationalOrganisation ?? ""}|${textKey(t.recipient)}`;
}

/** Name of a register text in one language, falling back to the other. */
export function say(text: I18nText | undefined, lang: "fr" | "en", fallback = ""): string {
  return (lang === "fr" ? (text?.fr ?? text?.en) : (text?.en ?? text?.fr)) ?? fallback;
}
