import { detect } from "./detect.ts";
import type { DetectLang, Entity } from "./entity.ts";
import { applyOperators, applyOperatorsSync } from "./operators/apply-operators.ts";
import type { OperatorPlan } from "./operators/operator.ts";
import type { Vault } from "./vault/create-vault.ts";

export type RedactOptions = {
  lang?: DetectLang;
  /** Default: every type replaced by `<TYPE>`. */
  plan?: OperatorPlan;
  hashKey?: Uint8Array;
  vault?: Vault;
  scope?: string;
  /** The text's entities, when already detected (by a worker pool, see createBatchDetector). */
  entities?: Entity[];
};

/**
 * Detects personal data and applies the operators (replace, redact, mask, hash; pseudonymise with a vault).
 *
 * @example
 * await redact("mail: jean@exemple.fr", {}) // { text: "mail: <EMAIL>", entities: [...] }
 */
export async function redact(
  text: string,
  options: RedactOptions = {},
): Promise<{ text: string; entities: Entity[] }> {
  const entities = options.entities ?? detect(text, { lang: options.lang ?? "auto" });
  const out = await applyOperators(text, entities, {
    plan: options.plan ?? { default: { kind: "replace" } },
    vault: options.vault,
    scope: options.scope,
    hashKey: options.hashKey,
  });
  return { text: out, entities };
}

/**
 * `redact` for a plan without pseudonyms (no vault, so no promise): replace, redact, mask and hash. What a
 * batch job or a log filter calls per line. Throws if the plan pseudonymises a type that is found.
 *
 * @example
 * redactSync("mail: jean@exemple.fr") // { text: "mail: <EMAIL>", entities: [...] }
 */
export function redactSync(
  text: string,
  options: Omit<RedactOptions, "vault" | "scope"> = {},
): { text: string; entities: Entity[] } {
  const entities = options.entities ?? detect(text, { lang: options.lang ?? "auto" });
  const out = applyOperatorsSync(text, entities, {
    plan: options.plan ?? { default: { kind: "replace" } },
    hashKey: options.hashKey,
  });
  return { text: out, entities };
}
