/**
 * The install's secret key (32 bytes): it encrypts personal data at rest (subscribers' addresses) and
 * signs the links sent by e-mail. The decisions:
 *
 * - `secretKey` in the config (GARDIEN_SECRET_KEY, base64) wins.
 * - On the embedded store, without one, a key is generated on first use into `<dataDir>/secret.key`
 *   (mode 0600, created exclusively so two processes starting at once agree on one key). It lives beside
 *   the database it protects: back both up together, since losing the key loses the addresses.
 * - On PostgreSQL, without one, Gardien refuses: several processes or hosts share that store, and a key
 *   generated on one host's disk would leave the others unable to read the addresses (and would vanish
 *   with a container). The server refuses to start; the CLI fails when it needs the key.
 *
 * Loaded lazily (first use), so commands that handle no personal data never create a key file.
 */

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/config.schema.ts";
import { AppError } from "../errors/app-error.ts";

const loaded = new WeakMap<Config, Buffer>();

function invalid(message: string, fr: string): AppError {
  return new AppError("CONFIG_INVALID", message, { userMessage: { en: message, fr } });
}

/** Throws CONFIG_INVALID when the store is PostgreSQL and no key is configured (see above). */
export function assertSecretKeyAvailable(config: Config): void {
  if (config.secretKey === undefined && config.databaseUrl !== undefined) {
    throw invalid(
      "GARDIEN_SECRET_KEY is required with PostgreSQL (generate one with: openssl rand -base64 32). " +
        "Several processes share that store, so the key cannot be generated on one host's disk.",
      "GARDIEN_SECRET_KEY est obligatoire avec PostgreSQL (générez-la avec : openssl rand -base64 32). " +
        "Plusieurs processus partagent cette base : la clé ne peut pas être générée sur le disque d'un seul hôte.",
    );
  }
}

/** @example const key = loadSecretKey(ctx.config); // 32-byte Buffer */
export function loadSecretKey(config: Config): Buffer {
  const known = loaded.get(config);
  if (known) return known;
  assertSecretKeyAvailable(config);
  let key: Buffer;
  if (config.secretKey !== undefined) key = Buffer.from(config.secretKey, "base64");
  else {
    const path = join(config.dataDir, "secret.key");
    mkdirSync(config.dataDir, { recursive: true });
    try {
      writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
    if (key.length !== 32) {
      throw invalid(
        `${path} does not hold a 32-byte base64 key`,
        `${path} ne contient pas une clé de 32 octets en base64`,
      );
    }
  }
  loaded.set(config, key);
  return key;
}
