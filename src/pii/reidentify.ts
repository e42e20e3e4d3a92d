import type { Vault } from "./vault/create-vault.ts";

const TOKEN = /<([A-Z][A-Z_]*?)_(\d+)>/g;

/**
 * Puts the original values back in place of the tokens of `scope` (for instance in an AI model's answer).
 * Tokens the vault does not know, or no longer knows (TTL passed), are left as they are.
 */
export async function reidentify(text: string, options: { vault: Vault; scope: string }): Promise<string> {
  const matches = [...text.matchAll(TOKEN)];
  if (matches.length === 0) return text;
  const unique = [...new Set(matches.map((m) => m[0]))];
  const values = await options.vault.reveal(options.scope, unique);
  const byToken = new Map(unique.map((t, i) => [t, values[i]]));
  return text.replace(TOKEN, (token) => byToken.get(token) ?? token);
}
