import { createHmac } from "node:crypto";
import type { AppContext } from "../../app/app-context.ts";
import type { Config } from "../../config/config.schema.ts";
import { loadKeyring, type MasterKey, useKeyObject } from "../../crypto/keyring.ts";
import { AppError, validationError } from "../../errors/app-error.ts";
import { isOpenDsrType } from "../../opendsr/outbox/queue-outbound-request.ts";
import type { Peer } from "../../opendsr/peers/peer.schema.ts";
import { toPeer } from "../../opendsr/peers/peer-record.ts";
import type { ProcessorEntry } from "../../register/model/processor-entry.schema.ts";
import { normaliseEmail } from "../../subscriptions/protect-email.ts";
import type { RequestType } from "../model/request.schema.ts";

export type ControllerRoute =
  | { channel: "internal"; peer: Peer; targetOrgId: string; reversePeer: Peer; ref: string; name: string }
  | { channel: "opendsr"; peer: Peer; ref: string; name: string }
  | { channel: "email"; email: string; ref: string; name: string };

function emailRefUnder(master: MasterKey, email: string): string {
  const digest = createHmac("sha256", useKeyObject(master, "request-lookup"))
    .update(`party-email:${normaliseEmail(email)}`)
    .digest("hex");
  return `email-${digest.slice(0, 12)}`;
}

/**
 * A ref for a controller reached by e-mail: one per address under the current key, and saying nothing of
 * it (a keyed hash, not the address, nor a plain hash one could match against a list of addresses: party
 * refs go into the timeline and the audit details). A key rotation changes it: `keys rotate` recomputes
 * the stored refs from the sealed addresses (request_parties.address_sealed).
 */
export function emailPartyRef(config: Config, email: string): string {
  return emailRefUnder(loadKeyring(config).current, email);
}

/**
 * The refs an address has under every key of the keyring, current first: between a restart on a new key
 * and the end of `keys rotate`, stored refs may still be under the retired one.
 */
export function emailPartyRefs(config: Config, email: string): string[] {
  const ring = loadKeyring(config);
  return [...new Set([ring.current, ...ring.byKid.values()].map((master) => emailRefUnder(master, email)))];
}

/** A local peer counts only if the other organisation registered this one in return, with the other relation. */
export async function reversePeerOf(ctx: AppContext, peer: Peer): Promise<Peer | undefined> {
  if (peer.kind !== "local" || !peer.localOrgId) return undefined;
  const row = await ctx.db
    .selectFrom("opendsr_peers")
    .selectAll()
    .where("org_id", "=", peer.localOrgId)
    .where("local_org_id", "=", peer.orgId)
    .where("kind", "=", "local")
    .where("status", "=", "active")
    .where("relation", "=", peer.relation === "controller" ? "processor" : "controller")
    .executeTakeFirst();
  return row ? toPeer(row) : undefined;
}

export function notRegisteredInReturn(): AppError {
  return new AppError("CONFLICT", "the other organisation has not registered this one in return", {
    userMessage: {
      fr: "L'autre organisme n'a pas enregistré le vôtre en retour (peer local) : rien ne lui est transmis sans son accord.",
      en: "The other organisation has not registered yours in return (local peer): nothing is passed to it without its consent.",
    },
    details: { rule: "not_registered_in_return" },
  });
}

/**
 * How a forwarded request reaches its controller, by the order of what staff said: the peer they named,
 * the e-mail they gave, else the one peer registered for this client controller, else the contact the
 * processor register gives (the entry's rights-request e-mail, its controller's contact, its DPO).
 */
export async function resolveControllerRoute(
  ctx: AppContext,
  input: {
    orgId: string;
    entry: ProcessorEntry;
    peerRef: string | undefined;
    email: string | undefined;
    type: RequestType;
  },
): Promise<ControllerRoute> {
  const { entry } = input;
  const peers = (
    await ctx.db
      .selectFrom("opendsr_peers")
      .selectAll()
      .where("org_id", "=", input.orgId)
      .where("status", "=", "active")
      .where("relation", "=", "controller")
      .execute()
  ).map(toPeer);
  let peer: Peer | undefined;
  if (input.peerRef !== undefined) {
    peer = peers.find((p) => p.ref === input.peerRef);
    if (!peer)
      throw validationError([
        { path: "peer", rule: "known_peer", message: "no active peer with relation controller has this ref" },
      ]);
    if (peer.registerRefs.length > 0 && !peer.registerRefs.includes(entry.ref))
      throw validationError([
        { path: "peer", rule: "peer_for_controller", message: `is not registered for "${entry.ref}"` },
      ]);
  } else if (input.email === undefined) {
    const candidates = peers.filter((p) => p.registerRefs.includes(entry.ref));
    if (candidates.length > 1)
      throw validationError([
        {
          path: "peer",
          rule: "required",
          message: `several peers are registered for "${entry.ref}": name one`,
        },
      ]);
    peer = candidates[0];
  }
  if (peer) {
    if (peer.kind === "local") {
      const reversePeer = await reversePeerOf(ctx, peer);
      if (!reversePeer || !peer.localOrgId) throw notRegisteredInReturn();
      return {
        channel: "internal",
        peer,
        reversePeer,
        targetOrgId: peer.localOrgId,
        ref: peer.ref,
        name: peer.name,
      };
    }
    if (!isOpenDsrType(input.type))
      throw validationError([
        {
          path: "peer",
          rule: "opendsr_type",
          message: `OpenDSR carries access, portability and erasure only, not ${input.type}: name an e-mail instead`,
        },
      ]);
    return { channel: "opendsr", peer, ref: peer.ref, name: peer.name };
  }
  const email =
    input.email ??
    entry.rightsRequests?.email ??
    entry.controller.contact?.email ??
    entry.controller.dpo?.email;
  if (!email)
    throw validationError([
      {
        path: "email",
        rule: "required",
        message: `no peer nor contact e-mail for "${entry.ref}" in the processor register: name a peer or an e-mail`,
      },
    ]);
  return { channel: "email", email, ref: emailPartyRef(ctx.config, email), name: entry.controller.name };
}
