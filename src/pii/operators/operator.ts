import { validationError } from "../../errors/app-error.ts";
import { ENTITY_TYPES, type EntityType } from "../entity.ts";

/**
 * What happens to a detected value:
 * - `redact`: removed;
 * - `replace`: `<TYPE>`;
 * - `mask`: every letter and digit but the last `keep` becomes `*`, separators stay ("** ** ** 56 78");
 * - `hash`: HMAC-SHA-256 of the normalised value under a key, hex, `<TYPE:3fa2…>`: equal values, equal output;
 * - `pseudonymise`: a reversible token `<TYPE_n>` kept in a vault, the same value giving the same token.
 */
export type Operator =
  | { kind: "redact" }
  | { kind: "replace" }
  | { kind: "mask"; keep: number }
  | { kind: "hash" }
  | { kind: "pseudonymise" };

export type OperatorKind = Operator["kind"];

/** An operator per type; types not listed use `default`. */
export type OperatorPlan = { default: Operator; byType?: Partial<Record<EntityType, Operator>> };

export const OPERATOR_KINDS: readonly OperatorKind[] = ["redact", "replace", "mask", "hash", "pseudonymise"];

export function operatorFor(plan: OperatorPlan, type: EntityType): Operator {
  return plan.byType?.[type] ?? plan.default;
}

/** Parses one operator: "replace", "mask", "mask:4", "hash", "pseudonymise". */
export function parseOperator(spec: string, path = "operator"): Operator {
  const [kind, arg] = spec.split(":");
  switch (kind) {
    case "redact":
    case "replace":
    case "hash":
    case "pseudonymise":
      if (arg === undefined) return { kind };
      break;
    case "mask": {
      const keep = arg === undefined ? 4 : Number(arg);
      if (Number.isInteger(keep) && keep >= 0 && keep <= 64) return { kind, keep };
      break;
    }
  }
  throw validationError([
    {
      path,
      rule: "operator",
      message: `expected one of ${OPERATOR_KINDS.join(", ")} (mask:N keeps N characters)`,
    },
  ]);
}

/** Parses "EMAIL=mask:2,PHONE=hash,*=replace" over a default plan. */
export function parseOperatorPlan(spec: string | undefined, base: OperatorPlan): OperatorPlan {
  const plan: OperatorPlan = { default: base.default, byType: { ...base.byType } };
  if (!spec) return plan;
  for (const part of spec.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0)
      throw validationError([{ path: "--operator", rule: "format", message: "expected TYPE=operator" }]);
    const type = part.slice(0, eq).trim();
    if (type !== "*" && !(ENTITY_TYPES as readonly string[]).includes(type)) {
      throw validationError([
        {
          path: "--operator",
          rule: "entity_type",
          message: `unknown type; expected one of ${ENTITY_TYPES.join(", ")} or *`,
        },
      ]);
    }
    const op = parseOperator(part.slice(eq + 1).trim(), `--operator ${type}`);
    if (type === "*") plan.default = op;
    else plan.byType![type as EntityType] = op;
  }
  return plan;
}
