import { type Lang, preferredLanguage } from "../app/preferred-language.ts";

export type { Lang };

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
  return { lang: preferredLanguage(acceptLanguage, "fr"), negotiated: true };
}
