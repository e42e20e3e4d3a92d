import { createPublicKey, type KeyObject } from "node:crypto";
import type { AppContext } from "../app/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import {
  bodylessSignedBytes,
  isFreshTimestamp,
  KEY_ID_HEADER,
  RECIPIENT_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyBytes,
} from "./opendsr-signature.ts";
import type { Peer } from "./peers/peer.schema.ts";
import { toPeer } from "./peers/peer-record.ts";

export type SignedMessage = {
  method: string;
  /** The path as received, with its query string. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** POST: the raw body bytes; GET and DELETE: undefined (the signed line is used instead). */
  rawBody: Buffer | undefined;
};

/** The verified sender: the active peers (one per organisation that registered its key) and, when bodyless, the addressee. */
export type VerifiedSender = { keyId: string; peers: Peer[]; recipientKeyId: string | undefined };

function header(headers: SignedMessage["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function unknownSigner(): AppError {
  return new AppError("UNAUTHENTICATED", "the request must be signed by a registered OpenDSR peer", {
    userMessage: {
      fr: "La requête doit être signée par un correspondant OpenDSR enregistré (X-OpenDSR-Signature, X-OpenDSR-Key-Id).",
      en: "The request must be signed by a registered OpenDSR peer (X-OpenDSR-Signature, X-OpenDSR-Key-Id).",
    },
    details: { reason: "unknown_signer" },
  });
}

export function badSignature(reason: string): AppError {
  return new AppError("FORBIDDEN", "the OpenDSR signature is not valid", {
    userMessage: {
      fr: "La signature OpenDSR n'est pas valide.",
      en: "The OpenDSR signature is not valid.",
    },
    details: { reason },
  });
}

// Parsed peer keys by PEM text: a peer's key is parsed once per process, not once per request.
const keys = new Map<string, KeyObject>();
function keyOf(pem: string): KeyObject {
  let key = keys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    if (keys.size > 1000) keys.clear();
    keys.set(pem, key);
  }
  return key;
}

/**
 * Checks an incoming OpenDSR message's signature against the keys staff registered, before anything reads
 * the body: no signature or an unknown key id → 401 (`unknown_signer`); a signature that does not verify, or
 * a bodyless request with a stale timestamp → 403. The body is never parsed here.
 */
export async function verifySignedMessage(ctx: AppContext, message: SignedMessage): Promise<VerifiedSender> {
  const signature = header(message.headers, SIGNATURE_HEADER);
  const keyId = header(message.headers, KEY_ID_HEADER);
  if (!signature || !keyId || keyId.length > 100) throw unknownSigner();
  const rows = await ctx.db
    .selectFrom("opendsr_peers")
    .selectAll()
    .where("key_id", "=", keyId)
    .where("kind", "=", "remote")
    .where("status", "=", "active")
    .execute();
  const first = rows[0];
  if (!first?.public_key) throw unknownSigner();
  let bytes: Buffer;
  let recipientKeyId: string | undefined;
  if (message.rawBody !== undefined) bytes = message.rawBody;
  else {
    const timestamp = header(message.headers, TIMESTAMP_HEADER);
    recipientKeyId = header(message.headers, RECIPIENT_HEADER);
    if (!timestamp || !recipientKeyId) throw badSignature("missing_timestamp_or_recipient");
    if (!isFreshTimestamp(timestamp, ctx.now())) throw badSignature("stale_timestamp");
    bytes = bodylessSignedBytes({ method: message.method, path: message.path, timestamp, recipientKeyId });
  }
  // Every row holds the same key (its id is the key's hash): one verification answers for all of them.
  if (!verifyBytes(keyOf(first.public_key), bytes, signature)) throw badSignature("signature_mismatch");
  return { keyId, peers: rows.map(toPeer), recipientKeyId };
}

/**
 * Which organisation a verified message is for: the only one that registered the sender, or the one whose
 * key id the sender named (signed: in the body's `extensions.gardien.recipient_key_id`, or the bodyless
 * line). A named key that is not one of them is refused like a bad signature.
 */
export async function chooseRecipient(
  ctx: AppContext,
  sender: VerifiedSender,
  recipientKeyId: string | undefined,
): Promise<Peer> {
  if (recipientKeyId !== undefined) {
    const key = await ctx.db
      .selectFrom("opendsr_keys")
      .select("org_id")
      .where("key_id", "=", recipientKeyId)
      .executeTakeFirst();
    const peer = key && sender.peers.find((p) => p.orgId === key.org_id);
    if (!peer) throw badSignature("recipient_not_registered");
    return peer;
  }
  if (sender.peers.length === 1) return sender.peers[0]!;
  throw new AppError("CONFLICT", "several organisations registered this key: name the recipient", {
    userMessage: {
      fr: "Plusieurs organismes ont enregistré cette clé : nommez le destinataire (extensions.gardien.recipient_key_id ou X-OpenDSR-Recipient).",
      en: "Several organisations registered this key: name the recipient (extensions.gardien.recipient_key_id or X-OpenDSR-Recipient).",
    },
    details: { rule: "recipient_required" },
  });
}
