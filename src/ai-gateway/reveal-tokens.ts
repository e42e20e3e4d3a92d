import { reidentify, type Vault } from "../pii/index.ts";

/**
 * How a text of the answer is re-identified: `text` puts the values back as they are; `json` escapes
 * them as inside a JSON string, for tool-call arguments, which are JSON text (a value holding a quote
 * must not break them).
 */
export type RevealMode = "text" | "json";
/** `afterWord`: the text is the next piece of a streamed one whose sent part ended in a word character. */
export type Reveal = (text: string, mode: RevealMode, afterWord?: boolean) => Promise<string>;

/**
 * The re-identifier of one gateway call's scope. Tokens the vault does not know (the model made one up,
 * or the TTL passed) are left as they are.
 */
export function createReveal(vault: Vault, scope: string): Reveal {
  return (text, mode, afterWord) => reidentify(text, { vault, scope, kind: mode, afterWord });
}
