import type { Kysely } from "kysely";
import type { Database, OpenDsrPeerRow } from "../../db/schema.ts";
import type { Peer, PeerRelation, PeerView } from "./peer.schema.ts";

export function toPeer(row: OpenDsrPeerRow): Peer {
  return {
    id: row.id,
    orgId: row.org_id,
    ref: row.ref,
    name: row.name,
    kind: row.kind as Peer["kind"],
    relation: row.relation as PeerRelation,
    registerRefs: JSON.parse(row.register_refs) as string[],
    baseUrl: row.base_url,
    publicKey: row.public_key,
    keyId: row.key_id,
    localOrgId: row.local_org_id,
    status: row.status as Peer["status"],
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The API's view: a local peer is named by its slug, never by its internal id. */
export async function toPeerView(db: Kysely<Database>, peer: Peer): Promise<PeerView> {
  let organisation: string | null = null;
  if (peer.localOrgId) {
    const org = await db
      .selectFrom("organisations")
      .select("slug")
      .where("id", "=", peer.localOrgId)
      .executeTakeFirst();
    organisation = org?.slug ?? null;
  }
  return {
    ref: peer.ref,
    name: peer.name,
    kind: peer.kind,
    relation: peer.relation,
    registerRefs: peer.registerRefs,
    baseUrl: peer.baseUrl,
    publicKey: peer.publicKey,
    keyId: peer.keyId,
    organisation,
    status: peer.status,
    revision: peer.revision,
    createdAt: peer.createdAt,
    updatedAt: peer.updatedAt,
  };
}

export async function readPeerRow(
  db: Kysely<Database>,
  orgId: string,
  ref: string,
): Promise<OpenDsrPeerRow | undefined> {
  return db
    .selectFrom("opendsr_peers")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("ref", "=", ref)
    .executeTakeFirst();
}
