import { detect } from "./detect.ts";
import type { DetectLang, Entity } from "./entity.ts";
import { applyOperators } from "./operators/apply-operators.ts";
import type { OperatorPlan } from "./operators/operator.ts";
import type { Vault } from "./vault/create-vault.ts";

export type PseudonymiseOptions = {
  vault: Vault;
  /** The conversation: tokens are consistent within it ("<PERSON_1>" is the same person in every message). */
  scope: string;
  lang?: DetectLang;
  /** Other operators for some types; the default is `pseudonymise` for every type. */
  plan?: OperatorPlan;
  hashKey?: Uint8Array;
  /** The text's entities, when already detected (by a worker pool, see createBatchDetector). */
  entities?: Entity[];
};

const ALL_TOKENS: OperatorPlan = { default: { kind: "pseudonymise" } };

/**
 * Detects personal data and replaces it with consistent, reversible tokens before the text leaves.
 *
 * @example
 * const vault = createVault();
 * const { text } = await pseudonymise("Appelez Jean Dupont au 06 12 34 56 78", { vault, scope: "conv-1" });
 * // "Appelez <PERSON_1> au <PHONE_1>"; reidentify(text, { vault, scope: "conv-1" }) gives the original back.
 */
export async function pseudonymise(
  text: string,
  options: PseudonymiseOptions,
): Promise<{ text: string; entities: Entity[] }> {
  const entities = options.entities ?? detect(text, { lang: options.lang ?? "auto" });
  const out = await applyOperators(text, entities, {
    plan: options.plan ?? ALL_TOKENS,
    vault: options.vault,
    scope: options.scope,
    hashKey: options.hashKey,
  });
  return { text: out, entities };
}
