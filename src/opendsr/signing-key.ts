import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import type { AppContext } from "../app/app-context.ts";
import { openText, sealText } from "../crypto/seal.ts";
import { keyIdOf, SIGNATURE_ALGORITHM } from "./opendsr-signature.ts";

export type SigningKey = {
  orgId: string;
  keyId: string;
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** PEM (SPKI): what peers register and what `/opendsr/v1/keys/{keyId}` serves. */
  publicKeyPem: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
};

const generate = promisify(generateKeyPair);
// Opened keys per store and organisation: unsealing and parsing a PEM on every signature would cost more
// than the signature. A key never changes once written (no rotation yet), so the cache needs no expiry.
const cache = new WeakMap<object, Map<string, SigningKey>>();

function openRow(
  ctx: AppContext,
  row: { org_id: string; key_id: string; public_key: string; private_key_sealed: string },
): SigningKey {
  const pem = openText(ctx.config, row.private_key_sealed, { use: "opendsr-secret", aad: row.org_id });
  return {
    orgId: row.org_id,
    keyId: row.key_id,
    algorithm: SIGNATURE_ALGORITHM,
    publicKeyPem: row.public_key,
    publicKey: createPublicKey(row.public_key),
    privateKey: createPrivateKey(pem),
  };
}

/**
 * The organisation's OpenDSR key pair, created on first use (RSA 2048). The private key is sealed at rest
 * (AES-256-GCM, key use "opendsr-secret", bound to the organisation's id); two processes creating it at
 * once keep whichever was written first.
 *
 * @example const key = await getSigningKey(ctx, orgId); signBytes(key.privateKey, body)
 */
export async function getSigningKey(ctx: AppContext, orgId: string): Promise<SigningKey> {
  let known = cache.get(ctx.db);
  if (!known) {
    known = new Map();
    cache.set(ctx.db, known);
  }
  const hit = known.get(orgId);
  if (hit) return hit;
  const read = () =>
    ctx.db.selectFrom("opendsr_keys").selectAll().where("org_id", "=", orgId).executeTakeFirst();
  let row = await read();
  if (!row) {
    const pair = await generate("rsa", { modulusLength: 2048 });
    const publicPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
    const privatePem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await ctx.db
      .insertInto("opendsr_keys")
      .values({
        org_id: orgId,
        key_id: keyIdOf(pair.publicKey),
        algorithm: SIGNATURE_ALGORITHM,
        public_key: publicPem,
        private_key_sealed: sealText(ctx.config, privatePem, { use: "opendsr-secret", aad: orgId }),
        created_at: ctx.now().toISOString(),
      })
      .onConflict((oc) => oc.column("org_id").doNothing())
      .execute();
    row = await read();
    if (!row) throw new Error("the OpenDSR key could not be stored");
  }
  const key = openRow(ctx, row);
  known.set(orgId, key);
  return key;
}

/** The public half of a key by its id (for `/opendsr/v1/keys/{keyId}`), or undefined. */
export async function findPublicKey(
  ctx: AppContext,
  keyId: string,
): Promise<{ orgId: string; publicKeyPem: string } | undefined> {
  const row = await ctx.db
    .selectFrom("opendsr_keys")
    .select(["org_id", "public_key"])
    .where("key_id", "=", keyId)
    .executeTakeFirst();
  return row ? { orgId: row.org_id, publicKeyPem: row.public_key } : undefined;
}
