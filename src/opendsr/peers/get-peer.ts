import type { AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import type { Peer } from "./peer.schema.ts";
import { readPeerRow, toPeer } from "./peer-record.ts";

/** One peer of the organisation; another organisation's peer is not found, like an unknown one. */
export async function getPeer(ctx: AppContext, input: { orgId: string; ref: string }): Promise<Peer> {
  const row = await readPeerRow(ctx.db, input.orgId, input.ref);
  if (!row) throw notFound("peer", input.ref);
  return toPeer(row);
}
