import type { Entity } from "../entity.ts";
import type { Vault } from "../vault/create-vault.ts";
import { hashValue } from "./hash-value.ts";
import { maskValue } from "./mask-value.ts";
import { type OperatorPlan, operatorFor } from "./operator.ts";

export type ApplyOptions = {
  plan: OperatorPlan;
  /** Needed by `pseudonymise`. */
  vault?: Vault;
  /** The conversation whose tokens apply (`pseudonymise`). */
  scope?: string;
  /** Needed by `hash`. */
  hashKey?: Uint8Array;
};

/**
 * Rewrites `text`, replacing each entity by its operator's output. Entities must be sorted and
 * non-overlapping (as `detect` returns them). The vault is called once per text, not once per entity.
 */
export async function applyOperators(
  text: string,
  entities: readonly Entity[],
  options: ApplyOptions,
): Promise<string> {
  if (entities.length === 0) return text;
  const { outputs, pending } = operatorOutputs(text, entities, options);
  if (pending.length > 0) {
    if (!options.vault) throw new Error("applyOperators: the pseudonymise operator needs a vault");
    const tokens = await options.vault.tokenise(
      options.scope ?? "default",
      pending.map((i) => ({
        type: entities[i]!.type,
        value: text.slice(entities[i]!.start, entities[i]!.end),
      })),
    );
    for (let k = 0; k < pending.length; k++) outputs[pending[k]!] = tokens[k]!;
  }
  return splice(text, entities, outputs);
}

/**
 * The same for a plan without `pseudonymise` (which needs the vault, and so a promise): a caller scanning
 * millions of short texts does not pay for a promise per text. Throws if the plan pseudonymises a type
 * that was found.
 */
export function applyOperatorsSync(
  text: string,
  entities: readonly Entity[],
  options: Omit<ApplyOptions, "vault" | "scope">,
): string {
  if (entities.length === 0) return text;
  const { outputs, pending } = operatorOutputs(text, entities, options);
  if (pending.length > 0)
    throw new Error("applyOperatorsSync: the pseudonymise operator needs a vault (use applyOperators)");
  return splice(text, entities, outputs);
}

/** Each entity's replacement, except the pseudonyms, whose indices come back in `pending`. */
function operatorOutputs(
  text: string,
  entities: readonly Entity[],
  options: Pick<ApplyOptions, "plan" | "hashKey">,
): { outputs: string[]; pending: number[] } {
  const outputs: string[] = new Array(entities.length);
  const pending: number[] = [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    const op = operatorFor(options.plan, e.type);
    switch (op.kind) {
      case "redact":
        outputs[i] = "";
        break;
      case "replace":
        outputs[i] = `<${e.type}>`;
        break;
      case "mask":
        outputs[i] = maskValue(text.slice(e.start, e.end), op.keep);
        break;
      case "hash":
        if (!options.hashKey) throw new Error("applyOperators: the hash operator needs a hashKey");
        outputs[i] = hashValue(e.type, text.slice(e.start, e.end), options.hashKey);
        break;
      case "pseudonymise":
        pending.push(i);
        break;
    }
  }
  return { outputs, pending };
}

function splice(text: string, entities: readonly Entity[], outputs: readonly string[]): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < entities.length; i++) {
    out += text.slice(last, entities[i]!.start) + outputs[i];
    last = entities[i]!.end;
  }
  return out + text.slice(last);
}
