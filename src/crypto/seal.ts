/**
 * AES-256-GCM sealing of personal data at rest. A sealed text is
 * `v2.<kid>.<nonce>.<tag>.<ciphertext>` (base64url parts; 96-bit random nonce; kid names the master key,
 * see keyring.ts). `v1.<nonce>.<tag>.<ciphertext>` (no kid, from the first subscriptions release) is still
 * opened by trying every known master.
 *
 * Additional authenticated data binds a sealed value to its row (`aad`, e.g. the request id), so a value
 * copied onto another row fails to open instead of showing one person's identity on another's request.
 */
import { createCipheriv, createDecipheriv, createHmac } from "node:crypto";
import type { Config } from "../config/config.schema.ts";
import { type KeyUse, loadKeyring, type MasterKey, useKeyObject } from "./keyring.ts";
import { randomSlice } from "./random-pool.ts";

function encrypt(master: MasterKey, use: KeyUse, plain: Buffer, aad: string | undefined): string {
  const iv = randomSlice(12);
  const cipher = createCipheriv("aes-256-gcm", useKeyObject(master, use), iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `v2.${master.kid}.${iv.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}.${body.toString("base64url")}`;
}

function decrypt(
  master: MasterKey,
  use: KeyUse,
  iv: string,
  tag: string,
  body: string,
  aad: string | undefined,
): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", useKeyObject(master, use), Buffer.from(iv, "base64url"));
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
}

/** The error never quotes the sealed value or the key: it may reach a log. */
export class UnsealError extends Error {
  constructor(reason: string) {
    super(`sealed value cannot be opened: ${reason}`);
    this.name = "UnsealError";
  }
}

export type SealOptions = { use: KeyUse; aad?: string };

/** @example const stored = sealBytes(ctx.config, Buffer.from(pdf), { use: "request-attachment", aad: id }); */
export function sealBytes(config: Config, plain: Buffer, options: SealOptions): string {
  return encrypt(loadKeyring(config).current, options.use, plain, options.aad);
}

export function sealText(config: Config, plain: string, options: SealOptions): string {
  return sealBytes(config, Buffer.from(plain, "utf8"), options);
}

export function openBytes(config: Config, sealed: string, options: SealOptions): Buffer {
  const ring = loadKeyring(config);
  const parts = sealed.split(".");
  if (parts[0] === "v2" && parts.length === 5) {
    const master = ring.byKid.get(parts[1]!);
    if (!master) throw new UnsealError(`unknown key ${parts[1]} (add it to previousSecretKeys)`);
    try {
      return decrypt(master, options.use, parts[2]!, parts[3]!, parts[4]!, options.aad);
    } catch {
      throw new UnsealError("authentication failed");
    }
  }
  if (parts[0] === "v1" && parts.length === 4) {
    for (const master of ring.byKid.values()) {
      try {
        return decrypt(master, options.use, parts[1]!, parts[2]!, parts[3]!, options.aad);
      } catch {
        // try the next master: v1 values do not name theirs
      }
    }
    throw new UnsealError("no known key opens it");
  }
  throw new UnsealError("unknown format");
}

export function openText(config: Config, sealed: string, options: SealOptions): string {
  return openBytes(config, sealed, options).toString("utf8");
}

/** What every value sealed under the current master starts with (a rotation re-seals the others). */
export function currentSealPrefix(config: Config): string {
  return `v2.${loadKeyring(config).current.kid}.`;
}

/** Whether a sealed value was sealed under the current master. */
export function isSealedWithCurrentKey(config: Config, sealed: string): boolean {
  return sealed.startsWith(currentSealPrefix(config));
}

/**
 * A keyed hash for finding rows by a personal value without storing it (HMAC-SHA256 under the current
 * master). A rotation recomputes these from the opened values.
 */
export function lookupHash(config: Config, use: KeyUse, value: string): string {
  return createHmac("sha256", useKeyObject(loadKeyring(config).current, use))
    .update(value)
    .digest("base64url");
}
