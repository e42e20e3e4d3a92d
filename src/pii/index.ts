/**
 * Gardien's personal-data engine: find personal data in French and English text in one pass, replace it
 * (redact, replace, mask, keyed hash, or consistent reversible tokens), and put the values back.
 *
 * Conventions: offsets are UTF-16 indices, end exclusive; entities are sorted and never overlap. A
 * person's title is not part of the name ("M. [Dupont]"); an address runs from the house number (or the
 * street type) to the city, or to the postcode where it follows the city (UK, US); a date is reported only
 * when context marks it as a birth date; a dotted quad is an IP address unless labelled as a version
 * ("version 10.0.0.1").
 */
export { detect } from "./detect.ts";
export type { DetectLang, DetectOptions, Entity, EntityType } from "./entity.ts";
export { ENTITY_TYPES } from "./entity.ts";
export {
  endsInWord,
  findTokens,
  type TokenMatch,
  type TokenTextKind,
  type TokenTextOptions,
  tokenTailStart,
} from "./find-tokens.ts";
export { applyOperators } from "./operators/apply-operators.ts";
export type { Operator, OperatorPlan } from "./operators/operator.ts";
export { parseOperator, parseOperatorPlan } from "./operators/operator.ts";
export { type BatchDetector, createBatchDetector, POOL_MIN_CHARS } from "./pool/create-batch-detector.ts";
export { createDetectPool, type DetectPool } from "./pool/create-detect-pool.ts";
export { pseudonymise } from "./pseudonymise.ts";
export { redact, redactSync } from "./redact.ts";
export { type ReidentifyOptions, reidentify } from "./reidentify.ts";
export { createMemoryVaultStore } from "./vault/create-memory-vault-store.ts";
export { createVault, type Vault, type VaultOptions } from "./vault/create-vault.ts";
export type { TokenRequest, VaultStore } from "./vault/vault-store.ts";
