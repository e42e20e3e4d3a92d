import type { AppContext } from "../../app/app-context.ts";
import type { Peer } from "./peer.schema.ts";
import { toPeer } from "./peer-record.ts";

/** The organisation's peers by ref; archived ones only when asked for. */
export async function listPeers(
  ctx: AppContext,
  input: { orgId: string; includeArchived?: boolean },
): Promise<Peer[]> {
  let query = ctx.db.selectFrom("opendsr_peers").selectAll().where("org_id", "=", input.orgId).orderBy("ref");
  if (!input.includeArchived) query = query.where("status", "=", "active");
  return (await query.execute()).map(toPeer);
}
