import { findTokens, type TokenTextKind } from "./find-tokens.ts";
import type { Vault } from "./vault/create-vault.ts";

export type ReidentifyOptions = {
  vault: Vault;
  scope: string;
  /**
   * `json`: the text is JSON (a model's tool-call arguments); values are escaped as inside a JSON string,
   * so a value holding a quote does not break it, and backslashes are read as JSON escapes.
   */
  kind?: TokenTextKind;
  /** The text goes on from one that ended in a word character (a streamed answer's next piece). */
  afterWord?: boolean;
};

/**
 * Puts the original values back in place of the tokens of `scope` (for instance in an AI model's answer),
 * in whichever form the model gave them back (`PERSON_1`, `&lt;PERSON_1&gt;`, …: see findTokens).
 * Tokens the vault does not know, or no longer knows (TTL passed), are left as they are.
 *
 * @example
 * await reidentify("Bonjour PERSON_1", { vault, scope }) // "Bonjour Jean Dupont"
 */
export async function reidentify(text: string, options: ReidentifyOptions): Promise<string> {
  const json = options.kind === "json";
  const matches = findTokens(text, options.kind, { afterWord: options.afterWord });
  if (matches.length === 0) return text;
  const unique = [...new Set(matches.map((m) => m.token))];
  const values = await options.vault.reveal(options.scope, unique);
  const byToken = new Map(unique.map((t, i) => [t, values[i]]));
  let out = "";
  let at = 0;
  for (const m of matches) {
    const value = byToken.get(m.token);
    if (value === undefined) continue;
    out += text.slice(at, m.start) + (json ? JSON.stringify(value).slice(1, -1) : value);
    at = m.end;
  }
  return out + text.slice(at);
}
