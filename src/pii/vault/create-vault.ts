import { randomBytes } from "node:crypto";
import type { EntityType } from "../entity.ts";
import { normaliseValue } from "../operators/normalise-value.ts";
import { createMemoryVaultStore } from "./create-memory-vault-store.ts";
import { createSealer } from "./create-sealer.ts";
import { createHmacSha256 } from "./hmac-sha256.ts";
import type { VaultStore } from "./vault-store.ts";

export type VaultOptions = {
  store?: VaultStore;
  /** How long a conversation's tokens live after its last new message. Default one hour. */
  ttlMs?: number;
  now?: () => number;
};

/** Pseudonymisation tokens for one or many conversations (each a `scope`). */
export type Vault = {
  /** The token of each value in `scope`: the same (type, value) always gets the same token there. */
  tokenise(scope: string, values: ReadonlyArray<{ type: EntityType; value: string }>): Promise<string[]>;
  /** The original value of each token, or undefined when unknown or expired. */
  reveal(scope: string, tokens: readonly string[]): Promise<Array<string | undefined>>;
  /** Forgets a conversation now. */
  forget(scope: string): Promise<void>;
  store: VaultStore;
};

/**
 * A vault whose values are sealed (see create-sealer.ts: AES-256-CTR + HMAC-SHA-256, keys drawn at random
 * when the vault is created and held only in this process): a store's content (memory or, later, a
 * database) cannot be read without them, and values die with the process. The scope is authenticated with
 * each value, so a sealed value copied into another conversation fails to open. Lookups use an HMAC of
 * the normalised value under a third key, so the store never sees a value in clear.
 */
export function createVault(options: VaultOptions = {}): Vault {
  const store = options.store ?? createMemoryVaultStore();
  const ttlMs = options.ttlMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  const sealer = createSealer();
  const digestOf = createHmacSha256(randomBytes(32));

  return {
    store,
    async tokenise(scope, values) {
      if (values.length === 0) return [];
      const requests = values.map(({ type, value }) => ({
        type,
        digest: digestOf(`${scope}\0${type}\0${normaliseValue(type, value)}`).toString("base64url"),
      }));
      const t = now();
      return store.assign(scope, requests, (i) => sealer.seal(scope, values[i]!.value), t, t + ttlMs);
    },
    async reveal(scope, tokens) {
      if (tokens.length === 0) return [];
      const sealed = await store.lookup(scope, tokens, now());
      return sealed.map((s) => (s ? sealer.open(scope, s) : undefined));
    },
    forget: (scope) => store.drop(scope),
  };
}
