import { reidentify, type Vault } from "../pii/index.ts";

const TOKEN = /<([A-Z][A-Z_]*?)_(\d+)>/g;

/**
 * How a text of the answer is re-identified: `text` puts the values back as they are; `json` escapes
 * them as inside a JSON string, for tool-call arguments, which are JSON text (a value holding a quote
 * must not break them).
 */
export type RevealMode = "text" | "json";
export type Reveal = (text: string, mode: RevealMode) => Promise<string>;

/**
 * The re-identifier of one gateway call's scope. Tokens the vault does not know (the model made one up,
 * or the TTL passed) are left as they are.
 */
export function createReveal(vault: Vault, scope: string): Reveal {
  return async (text, mode) => {
    if (mode === "text") return reidentify(text, { vault, scope });
    const matches = [...text.matchAll(TOKEN)];
    if (matches.length === 0) return text;
    const unique = [...new Set(matches.map((m) => m[0]))];
    const values = await vault.reveal(scope, unique);
    const byToken = new Map(unique.map((t, i) => [t, values[i]]));
    return text.replace(TOKEN, (token) => {
      const value = byToken.get(token);
      return value === undefined ? token : JSON.stringify(value).slice(1, -1);
    });
  };
}
