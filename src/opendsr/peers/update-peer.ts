import type { Actor, AppContext } from "../../app/app-context.ts";
import { appendAudit } from "../../audit/append-audit.ts";
import type { OpenDsrPeerRow } from "../../db/schema.ts";
import { notFound, validationError } from "../../errors/app-error.ts";
import type { Peer } from "./peer.schema.ts";
import { readPeerRow, toPeer } from "./peer-record.ts";
import { validatePeer } from "./validate-peer.ts";

/** Replaces a peer (PUT semantics; the ref in the body must be the one in the URL). Reactivates an archived one. */
export async function updatePeer(
  ctx: AppContext,
  input: { orgId: string; ref: string; actor: Actor; body: unknown },
): Promise<Peer> {
  const before = await readPeerRow(ctx.db, input.orgId, input.ref);
  if (!before) throw notFound("peer", input.ref);
  const fields = await validatePeer(ctx.db, input.orgId, input.body, { exceptPeerId: before.id });
  if (fields.ref !== input.ref) {
    throw validationError([{ path: "ref", rule: "matches_url", message: `must be "${input.ref}"` }]);
  }
  const after: OpenDsrPeerRow = {
    ...before,
    ...fields,
    status: "active",
    revision: Number(before.revision) + 1,
    updated_at: ctx.now().toISOString(),
  };
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("opendsr_peers")
      .set({ ...fields, status: "active", revision: after.revision, updated_at: after.updated_at })
      .where("id", "=", before.id)
      .where("org_id", "=", input.orgId)
      .execute();
    await appendAudit(
      trx,
      {
        chain: input.orgId,
        actor: input.actor,
        action: "opendsr_peer.update",
        entityType: "opendsr_peer",
        entityId: before.id,
        before,
        after,
        details: { ref: after.ref, revision: after.revision },
      },
      ctx.now(),
    );
    return toPeer(after);
  });
}
