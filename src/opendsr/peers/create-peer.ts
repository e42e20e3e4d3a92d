import { randomUUID } from "node:crypto";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { appendAudit } from "../../audit/append-audit.ts";
import type { OpenDsrPeerRow } from "../../db/schema.ts";
import { conflict } from "../../errors/app-error.ts";
import type { Peer } from "./peer.schema.ts";
import { readPeerRow, toPeer } from "./peer-record.ts";
import { validatePeer } from "./validate-peer.ts";

/**
 * Registers a counterpart of the organisation: an OpenDSR server with its public key, or another
 * organisation of this Gardien. Requests signed by a remote peer's key are accepted for this organisation;
 * a local peer must register this organisation in return before anything passes between them.
 *
 * @example await createPeer(ctx, { orgId, actor: "token:abc", body: { ref: "acme", name: "Acme", kind: "local",
 *   relation: "controller", organisation: "acme", registerRefs: ["acme-client"] } });
 */
export async function createPeer(
  ctx: AppContext,
  input: { orgId: string; actor: Actor; body: unknown },
): Promise<Peer> {
  const fields = await validatePeer(ctx.db, input.orgId, input.body);
  const at = ctx.now().toISOString();
  const row: OpenDsrPeerRow = {
    id: randomUUID(),
    org_id: input.orgId,
    ...fields,
    status: "active",
    revision: 1,
    created_at: at,
    updated_at: at,
  };
  return ctx.db.transaction().execute(async (trx) => {
    if (await readPeerRow(trx, input.orgId, fields.ref)) {
      throw conflict(`a peer "${fields.ref}" already exists`, { rule: "unique_ref", ref: fields.ref });
    }
    await trx.insertInto("opendsr_peers").values(row).execute();
    await appendAudit(
      trx,
      {
        chain: input.orgId,
        actor: input.actor,
        action: "opendsr_peer.create",
        entityType: "opendsr_peer",
        entityId: row.id,
        after: row,
        details: { ref: row.ref, kind: row.kind, relation: row.relation, revision: 1 },
      },
      ctx.now(),
    );
    return toPeer(row);
  });
}
