/**
 * The keys that protect personal data at rest. The install's secret key (see load-secret-key.ts) is the
 * current master key; `previousSecretKeys` are masters retired by a rotation. Each sealed value names the
 * master it was sealed under (`kid`), so a rotation never makes old rows unreadable: they open with the
 * retired key until `gardien keys rotate` re-seals them under the current one.
 *
 * One key per use is derived from a master (HKDF-SHA256): a leak of the attachment key exposes no identity.
 */
import { createHash, createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { loadSecretKey } from "../app/load-secret-key.ts";
import type { Config } from "../config/config.schema.ts";

export type KeyUse =
  | "requester-identity"
  | "request-attachment"
  | "request-lookup"
  | "request-link"
  | "opendsr-secret"
  | "ai-upstream-key"
  | "email-encryption"
  | "email-lookup"
  | "link-signing"
  | "pii-hash"
  | "ai-gateway-hash";

export type MasterKey = { readonly kid: string; readonly key: Buffer };
export type Keyring = { readonly current: MasterKey; readonly byKid: ReadonlyMap<string, MasterKey> };

const rings = new WeakMap<Config, Keyring>();
const derived = new Map<string, Buffer>();
const derivedObjects = new Map<string, KeyObject>();

/** A short public name for a master key: 8 hex characters of its SHA-256 (never the key itself). */
export function keyId(master: Buffer): string {
  return createHash("sha256").update("gardien:key-id:").update(master).digest("hex").slice(0, 8);
}

export function loadKeyring(config: Config): Keyring {
  const known = rings.get(config);
  if (known) return known;
  const currentKey = loadSecretKey(config);
  const current: MasterKey = { kid: keyId(currentKey), key: currentKey };
  const byKid = new Map<string, MasterKey>([[current.kid, current]]);
  for (const encoded of config.previousSecretKeys) {
    const key = Buffer.from(encoded, "base64");
    const kid = keyId(key);
    if (!byKid.has(kid)) byKid.set(kid, { kid, key });
  }
  const ring: Keyring = Object.freeze({ current, byKid });
  rings.set(config, ring);
  return ring;
}

/** The key for one use under one master, cached (HKDF is cheap but sits on the intake hot path). */
export function deriveUseKey(master: MasterKey, use: KeyUse): Buffer {
  const cacheKey = `${master.kid}:${use}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", master.key, Buffer.alloc(0), `gardien:${use}`, 32));
    derived.set(cacheKey, key);
  }
  return key;
}

/**
 * The same key as a KeyObject, cached: node:crypto copies a Buffer key into a new native key on every
 * createHmac/createCipheriv (8 µs for an HMAC that takes 1 µs with a KeyObject), and intake signs,
 * seals and hashes several times per request.
 */
export function useKeyObject(master: MasterKey, use: KeyUse): KeyObject {
  const cacheKey = `${master.kid}:${use}`;
  let key = derivedObjects.get(cacheKey);
  if (!key) {
    key = createSecretKey(deriveUseKey(master, use));
    derivedObjects.set(cacheKey, key);
  }
  return key;
}
