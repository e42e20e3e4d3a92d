import type { Reveal } from "./reveal-tokens.ts";

/**
 * Puts the original values back into a (non-streamed) chat completion: every string of each choice —
 * `message.content` (a string or parts), `message.tool_calls[].function.arguments` (JSON text, so values
 * are escaped as in JSON strings), refusal, reasoning. Other fields (id, model, usage) are the upstream's.
 */
export async function reidentifyChatResponse(body: unknown, reveal: Reveal): Promise<unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const { choices } = body as { choices?: unknown };
  if (!Array.isArray(choices)) return body;
  return { ...body, choices: await revealStrings(choices, reveal, undefined) };
}

/** A copy of `value` with every string re-identified; strings under an `arguments` key are JSON text. */
export async function revealStrings(
  value: unknown,
  reveal: Reveal,
  key: string | undefined,
): Promise<unknown> {
  if (typeof value === "string") return reveal(value, key === "arguments" ? "json" : "text");
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) out.push(await revealStrings(item, reveal, key));
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await revealStrings(v, reveal, k);
    return out;
  }
  return value;
}
