import type { Actor, AppContext } from "../../app/app-context.ts";
import { appendAudit } from "../../audit/append-audit.ts";
import { notFound } from "../../errors/app-error.ts";
import type { Peer } from "./peer.schema.ts";
import { readPeerRow, toPeer } from "./peer-record.ts";

/**
 * Archives a peer: its signatures are refused from now on and nothing more is sent to it. The row stays,
 * because the requests exchanged with it keep pointing at it.
 */
export async function archivePeer(
  ctx: AppContext,
  input: { orgId: string; ref: string; actor: Actor },
): Promise<Peer> {
  const before = await readPeerRow(ctx.db, input.orgId, input.ref);
  if (!before) throw notFound("peer", input.ref);
  if (before.status === "archived") return toPeer(before);
  const after = {
    ...before,
    status: "archived",
    revision: Number(before.revision) + 1,
    updated_at: ctx.now().toISOString(),
  };
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("opendsr_peers")
      .set({ status: after.status, revision: after.revision, updated_at: after.updated_at })
      .where("id", "=", before.id)
      .execute();
    await appendAudit(
      trx,
      {
        chain: input.orgId,
        actor: input.actor,
        action: "opendsr_peer.archive",
        entityType: "opendsr_peer",
        entityId: before.id,
        before,
        after,
        details: { ref: before.ref, revision: after.revision },
      },
      ctx.now(),
    );
    return toPeer(after);
  });
}
