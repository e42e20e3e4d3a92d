import type { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { parseOrThrow } from "../errors/from-zod.ts";

/**
 * The second step of every signed POST, once the signature held: the raw bytes as JSON, then the schema.
 * The parse error never quotes the body (it may hold an e-mail address).
 */
export function readSignedJson<S extends z.ZodType>(schema: S, raw: Buffer): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", "the request body is not valid JSON", {
      userMessage: {
        fr: "Le corps de la requête n'est pas du JSON valide.",
        en: "The request body is not valid JSON.",
      },
      details: { reason: "invalid_json" },
    });
  }
  return parseOrThrow(schema, value);
}
