import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { canonicalJson, hashValue, sha256Hex } from "./canonical-json.ts";
import { lockAuditChains } from "./lock-audit-chains.ts";

/** The chain of installation-wide events (admin tokens, organisation creation before it has an id). */
export const SYSTEM_CHAIN = "system";
export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  /** An organisation id, or SYSTEM_CHAIN. Each organisation has its own chain so it can be verified alone. */
  chain: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** The states before and after the write. Only their hashes are stored: the trail holds no personal data. */
  before?: unknown;
  after?: unknown;
  /** Non-personal context (revision numbers, counts). */
  details?: Record<string, unknown>;
};

/** The fields that the hash covers, in canonical form. The row id is not among them: it is storage. */
export type AuditEntryContent = {
  chain: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  beforeHash: string | null;
  afterHash: string | null;
  details: string | null;
  prevHash: string;
};

/** SHA-256 over the previous hash and the entry in canonical form. */
export function hashAuditEntry(entry: AuditEntryContent): string {
  return sha256Hex(entry.prevHash + canonicalJson(entry));
}

/**
 * Appends one entry to its chain inside the caller's transaction, so the write and its trail commit
 * together or not at all.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  input: AuditInput,
  now: Date = new Date(),
): Promise<AuditEntryContent & { hash: string }> {
  await lockAuditChains(trx, [input.chain]);
  // The chain's head row moves with every append in the same transaction (and migration 0003 filled it
  // for older chains): one primary-key read instead of a descending index scan of the entries.
  const head =
    (await trx
      .selectFrom("audit_heads")
      .select(["seq", "hash"])
      .where("chain", "=", input.chain)
      .executeTakeFirst()) ??
    (await trx
      .selectFrom("audit_entries")
      .select(["seq", "hash"])
      .where("chain", "=", input.chain)
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst());

  const content: AuditEntryContent = {
    chain: input.chain,
    seq: (head?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor: input.actor,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    beforeHash: hashValue(input.before),
    afterHash: hashValue(input.after),
    details: input.details ? canonicalJson(input.details) : null,
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditEntry(content);
  await trx
    .insertInto("audit_entries")
    .values({
      chain: content.chain,
      seq: content.seq,
      at: content.at,
      actor: content.actor,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      before_hash: content.beforeHash,
      after_hash: content.afterHash,
      details: content.details,
      prev_hash: content.prevHash,
      hash,
    })
    .execute();
  await trx
    .insertInto("audit_heads")
    .values({ chain: content.chain, seq: content.seq, hash })
    .onConflict((oc) => oc.column("chain").doUpdateSet({ seq: content.seq, hash }))
    .execute();
  return { ...content, hash };
}
