import { createPublicKey } from "node:crypto";
import type { AppContext } from "../app/app-context.ts";
import {
  bodylessSignedBytes,
  KEY_ID_HEADER,
  RECIPIENT_HEADER,
  SIGNATURE_HEADER,
  signBytes,
  TIMESTAMP_HEADER,
  verifyBytes,
} from "./opendsr-signature.ts";
import type { Peer } from "./peers/peer.schema.ts";
import { getSigningKey } from "./signing-key.ts";

export const OPENDSR_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 1024 * 1024;

export type SignedResponse = {
  status: number;
  body: Buffer;
  /** The response is signed by the peer's registered key (OpenDSR §7.4, §8.3). */
  signedByPeer: boolean;
};

/**
 * One signed OpenDSR call to a peer, as the organisation: a POST signs its exact body bytes; a GET or DELETE
 * signs the method, path, time and the peer's key id. Redirects are not followed (a peer's URL is the one
 * staff registered, nowhere else), the call times out, and the response's own signature is checked.
 * Network failures throw (the outbox counts them as a failed attempt).
 */
export async function callPeer(
  ctx: AppContext,
  input: { orgId: string; peer: Peer; method: "POST" | "GET" | "DELETE"; url: string; body?: string },
): Promise<SignedResponse> {
  const key = await getSigningKey(ctx, input.orgId);
  const headers: Record<string, string> = { accept: "application/json", [KEY_ID_HEADER]: key.keyId };
  if (input.method === "POST") {
    const bytes = Buffer.from(input.body ?? "", "utf8");
    headers["content-type"] = "application/json";
    headers[SIGNATURE_HEADER] = signBytes(key.privateKey, bytes);
  } else {
    const url = new URL(input.url);
    const timestamp = ctx
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    const recipient = input.peer.keyId ?? "";
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[RECIPIENT_HEADER] = recipient;
    headers[SIGNATURE_HEADER] = signBytes(
      key.privateKey,
      bodylessSignedBytes({
        method: input.method,
        path: `${url.pathname}${url.search}`,
        timestamp,
        recipientKeyId: recipient,
      }),
    );
  }
  const response = await fetch(input.url, {
    method: input.method,
    headers,
    ...(input.method === "POST" ? { body: input.body ?? "" } : {}),
    redirect: "manual",
    signal: AbortSignal.timeout(OPENDSR_TIMEOUT_MS),
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_RESPONSE_BYTES) throw new Error("OpenDSR response too large");
  const signature = response.headers.get(SIGNATURE_HEADER);
  const signer = response.headers.get(KEY_ID_HEADER);
  const signedByPeer =
    signature !== null &&
    input.peer.publicKey !== null &&
    signer === input.peer.keyId &&
    verifyBytes(createPublicKey(input.peer.publicKey), body, signature);
  return { status: response.status, body, signedByPeer };
}
