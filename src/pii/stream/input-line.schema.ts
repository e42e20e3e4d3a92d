import { z } from "zod";
import type { PiiInputLine } from "./input-line.ts";

/** One input line of the `gardien pii` commands. Other keys are ignored. */
export const PiiInputLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: z.enum(["fr", "en", "auto"]).optional(),
  /** Pseudonymisation scope: the same person gets the same token on every line of a conversation. */
  conversation: z.string().optional(),
});

/**
 * The input object of a parsed line the fast check did not accept (readInputLine), or the reason it is
 * refused: the fields that are wrong, never their content (it may be personal data).
 */
export function validateInputLine(json: unknown): PiiInputLine | { reason: string } {
  const parsed = PiiInputLineSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(root)"))].join(", ");
  return { reason: `expected an object with a string "text" and an "id"; invalid: ${fields}` };
}
