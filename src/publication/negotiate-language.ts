export type Lang = "fr" | "en";

/**
 * The language of a public page: `?lang=` first, then the reader's browser (`Accept-Language`, by q-value),
 * then French — the language of the register's readers and of the CNIL. `negotiated` is true when the header
 * decided, so the response must say `Vary: Accept-Language`.
 */
export function negotiateLanguage(
  query: Lang | undefined,
  acceptLanguage: string | undefined,
): { lang: Lang; negotiated: boolean } {
  if (query) return { lang: query, negotiated: false };
  let best: Lang = "fr";
  let bestQ = 0;
  for (const part of (acceptLanguage ?? "").split(",")) {
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
  return { lang: best, negotiated: true };
}
