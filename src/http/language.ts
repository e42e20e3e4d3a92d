import type { FastifyRequest } from "fastify";

export type Lang = "fr" | "en";

/**
 * The caller's language from `Accept-Language`: the preferred of French and English by q-value,
 * English when neither is named (the API's default for machine clients).
 */
export function languageOf(request: FastifyRequest): Lang {
  const header = request.headers["accept-language"];
  if (typeof header !== "string" || header === "") return "en";
  let best: Lang = "en";
  let bestQ = -1;
  for (const part of header.split(",")) {
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
