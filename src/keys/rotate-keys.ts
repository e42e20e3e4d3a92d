import type { Kysely } from "kysely";
import type { AppContext } from "../app/app-context.ts";
import { appendAudit, SYSTEM_CHAIN } from "../audit/append-audit.ts";
import { loadKeyring } from "../crypto/keyring.ts";
import { currentSealPrefix, openBytes, openText, sealBytes, sealText } from "../crypto/seal.ts";
import { SEALED_COLUMNS, type SealedColumn } from "./sealed-columns.ts";

export type RotationReport = {
  currentKeyId: string;
  dryRun: boolean;
  columns: Array<{ table: string; column: string; resealed: number }>;
  total: number;
};

const BATCH = 500;

/**
 * Re-seals every sealed value that is not under the current master key, and recomputes the lookup hashes
 * derived from them, in batches of one transaction each. After it reports 0 left, the retired keys can be
 * removed from `previousSecretKeys`. Safe to rerun and to interrupt: a batch commits whole, and a value
 * already under the current key is skipped. One audit entry on the system chain records the counts.
 *
 * @example const report = await rotateKeys(ctx, { dryRun: true });
 */
export async function rotateKeys(
  ctx: AppContext,
  options: { dryRun?: boolean; actor?: string } = {},
): Promise<RotationReport> {
  const current = loadKeyring(ctx.config).current;
  const prefix = currentSealPrefix(ctx.config);
  // The sealed columns span capabilities whose table types live apart; the rotation reads them untyped.
  const db = ctx.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const report: RotationReport = {
    currentKeyId: current.kid,
    dryRun: options.dryRun === true,
    columns: [],
    total: 0,
  };
  for (const spec of SEALED_COLUMNS) {
    let resealed = 0;
    if (options.dryRun) {
      const row = await db
        .selectFrom(spec.table)
        .select((eb) => eb.fn.countAll().as("n"))
        .where(spec.column, "is not", null)
        .where(spec.column, "not like", `${prefix}%`)
        .executeTakeFirst();
      resealed = Number(row?.n ?? 0);
    } else {
      for (;;) {
        const done = await resealBatch(ctx, db, spec, prefix);
        resealed += done;
        if (done < (spec.batch ?? BATCH)) break;
      }
    }
    report.columns.push({ table: spec.table, column: spec.column, resealed });
    report.total += resealed;
  }
  if (!options.dryRun) {
    await ctx.db.transaction().execute((trx) =>
      appendAudit(
        trx,
        {
          chain: SYSTEM_CHAIN,
          actor: options.actor ?? "cli",
          action: "keys.rotate",
          entityType: "keyring",
          entityId: current.kid,
          details: {
            total: report.total,
            columns: report.columns.map((c) => `${c.table}.${c.column}:${c.resealed}`),
          },
        },
        ctx.now(),
      ),
    );
  }
  return report;
}

async function resealBatch(
  ctx: AppContext,
  db: Kysely<Record<string, Record<string, unknown>>>,
  spec: SealedColumn,
  prefix: string,
): Promise<number> {
  const key = spec.key ?? "id";
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom(spec.table)
      .select([key, spec.column, ...spec.reads])
      .where(spec.column, "is not", null)
      .where(spec.column, "not like", `${prefix}%`)
      .limit(spec.batch ?? BATCH)
      .execute();
    for (const row of rows) {
      const aad = spec.aad(row);
      const options = aad === undefined ? { use: spec.use } : { use: spec.use, aad };
      const sealed = String(row[spec.column]);
      const set: Record<string, unknown> = {};
      if (spec.binary)
        set[spec.column] = sealBytes(ctx.config, openBytes(ctx.config, sealed, options), options);
      else {
        const plain = openText(ctx.config, sealed, options);
        set[spec.column] = sealText(ctx.config, plain, options);
        if (spec.rehash) set[spec.rehash.column] = spec.rehash.compute(ctx, plain);
      }
      await trx.updateTable(spec.table).set(set).where(key, "=", row[key]).execute();
    }
    return rows.length;
  });
}
