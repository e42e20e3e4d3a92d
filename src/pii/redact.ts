import { detect } from "./detect.ts";
import type { DetectLang, Entity } from "./entity.ts";
import { applyOperators } from "./operators/apply-operators.ts";
import type { OperatorPlan } from "./operators/operator.ts";
import type { Vault } from "./vault/create-vault.ts";

export type RedactOptions = {
  lang?: DetectLang;
  /** Default: every type replaced by `<TYPE>`. */
  plan?: OperatorPlan;
  hashKey?: Uint8Array;
  vault?: Vault;
  scope?: string;
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
  const entities = detect(text, { lang: options.lang ?? "auto" });
  const out = await applyOperators(text, entities, {
    plan: options.plan ?? { default: { kind: "replace" } },
    vault: options.vault,
    scope: options.scope,
    hashKey: options.hashKey,
  });
  return { text: out, entities };
}
