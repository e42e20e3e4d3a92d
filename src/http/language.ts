import type { FastifyRequest } from "fastify";
import { type Lang, preferredLanguage } from "../app/preferred-language.ts";

export type { Lang };

/** The caller's language for API messages: English unless Accept-Language prefers French. */
export function languageOf(request: FastifyRequest): Lang {
  return preferredLanguage(request.headers["accept-language"], "en");
}
