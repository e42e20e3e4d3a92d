export type Lang = "fr" | "en";

/**
 * The reader's preferred language between French and English, from an `Accept-Language` header, by
 * q-value (RFC 9110 §12.5.4; q=0 means "not acceptable"). `fallback` when the header names neither:
 * English for the API's machine clients, French for the public pages.
 */
export function preferredLanguage(header: string | undefined, fallback: Lang): Lang {
  let best: Lang = fallback;
  let bestQ = 0;
  for (const part of (header ?? "").split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const primary = tag.split("-")[0];
    if (primary !== "fr" && primary !== "en") continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > bestQ) {
      best = primary;
      bestQ = q;
    }
  }
  return best;
}
