import { PostgresAdapter } from "kysely";
import type { Db } from "../db/create-db.ts";
import { type AuditEntryContent, GENESIS_HASH, hashAuditEntry } from "./append-audit.ts";

export type AuditBreak = {
  chain: string;
  /** The sequence number where the chain first stops holding. */
  seq: number;
  rowId: number | null;
  reason: "altered" | "deleted" | "reordered" | "broken_link";
  message: string;
};

export type ChainReport = {
  chain: string;
  entries: number;
  head: string;
  valid: boolean;
  firstBreak?: AuditBreak;
};
export type AuditReport = { valid: boolean; chains: ChainReport[] };

/**
 * Walks each chain in sequence order and names the first entry that was altered, deleted or reordered.
 * An entry's own hash catches an edit; a gap in the sequence catches a deletion; row ids that no longer
 * follow the sequence catch rows moved around; a prev_hash that does not match its predecessor catches
 * an entry replaced wholesale with a self-consistent forgery.
 */
export async function verifyAudit(db: Db, options: { chain?: string } = {}): Promise<AuditReport> {
  // One snapshot for the whole walk: on a live store, an entry committed between reading a chain's entries
  // and reading its head looked like deleted entries. SQLite's transaction is a snapshot already.
  const snapshot =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only")
      : db.transaction();
  return snapshot.execute((trx) => verifyChains(trx, options));
}

async function verifyChains(db: Db, options: { chain?: string }): Promise<AuditReport> {
  // Chains are those with entries or with a recorded head: a chain whose every entry was deleted still has one.
  let entryChains = db.selectFrom("audit_entries").select("chain").distinct();
  let headChains = db.selectFrom("audit_heads").select("chain");
  if (options.chain !== undefined) {
    entryChains = entryChains.where("chain", "=", options.chain);
    headChains = headChains.where("chain", "=", options.chain);
  }
  const found = [...(await entryChains.execute()), ...(await headChains.execute())].map((r) => r.chain);
  const chains = [...new Set(found)].sort();
  const reports: ChainReport[] = [];
  for (const chain of chains) reports.push(await verifyChain(db, chain));
  return { valid: reports.every((r) => r.valid), chains: reports };
}

async function verifyChain(db: Db, chain: string): Promise<ChainReport> {
  const rows = await db
    .selectFrom("audit_entries")
    .selectAll()
    .where("chain", "=", chain)
    .orderBy("seq", "asc")
    .execute();
  let prevHash = GENESIS_HASH;
  let prevId = Number.NEGATIVE_INFINITY;
  const fail = (
    seq: number,
    rowId: number | null,
    reason: AuditBreak["reason"],
    message: string,
  ): ChainReport => ({
    chain,
    entries: rows.length,
    head: prevHash,
    valid: false,
    firstBreak: { chain, seq, rowId, reason, message },
  });
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const expectedSeq = i + 1;
    if (row.seq !== expectedSeq) {
      return fail(
        expectedSeq,
        null,
        "deleted",
        `entry ${expectedSeq} of chain ${chain} is missing (next is ${row.seq})`,
      );
    }
    const id = Number(row.id);
    if (id <= prevId) {
      return fail(
        row.seq,
        id,
        "reordered",
        `entry ${row.seq} of chain ${chain} is out of order (row id ${id})`,
      );
    }
    const content: AuditEntryContent = {
      chain: row.chain,
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      beforeHash: row.before_hash,
      afterHash: row.after_hash,
      details: row.details,
      prevHash: row.prev_hash,
    };
    if (hashAuditEntry(content) !== row.hash) {
      return fail(
        row.seq,
        id,
        "altered",
        `entry ${row.seq} of chain ${chain} was altered: its hash does not match`,
      );
    }
    if (row.prev_hash !== prevHash) {
      return fail(
        row.seq,
        id,
        "broken_link",
        `entry ${row.seq} of chain ${chain} does not follow entry ${row.seq - 1}: an entry was replaced or reordered`,
      );
    }
    prevHash = row.hash;
    prevId = id;
  }
  // The recorded head catches what the walk cannot: the newest entries deleted, or the last one replaced.
  const recorded = await db
    .selectFrom("audit_heads")
    .select(["seq", "hash"])
    .where("chain", "=", chain)
    .executeTakeFirst();
  if (recorded) {
    const lastSeq = rows.length;
    if (Number(recorded.seq) > lastSeq) {
      return fail(
        lastSeq + 1,
        null,
        "deleted",
        `entries ${lastSeq + 1} to ${recorded.seq} of chain ${chain} were deleted (the chain head records ${recorded.seq})`,
      );
    }
    if (Number(recorded.seq) === lastSeq && recorded.hash !== prevHash) {
      return fail(
        lastSeq,
        Number(rows[lastSeq - 1]?.id ?? 0) || null,
        "broken_link",
        `entry ${lastSeq} of chain ${chain} is not the recorded head`,
      );
    }
  }
  return { chain, entries: rows.length, head: prevHash, valid: true };
}
