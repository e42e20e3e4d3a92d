import type { TokenRequest, VaultStore } from "./vault-store.ts";

type Scope = {
  expiresAt: number;
  counters: Map<string, number>;
  byDigest: Map<string, string>;
  byToken: Map<string, Uint8Array>;
};

/**
 * The default store: process memory only ("without retention"): nothing reaches a disk, and a scope
 * disappears when its TTL runs out or the process ends. Expired scopes are dropped lazily on access and by
 * `purge`; no timer keeps the process alive.
 */
export function createMemoryVaultStore(): VaultStore & { size: () => number } {
  const scopes = new Map<string, Scope>();

  const live = (scope: string, now: number): Scope | undefined => {
    const s = scopes.get(scope);
    if (s && s.expiresAt <= now) {
      scopes.delete(scope);
      return undefined;
    }
    return s;
  };

  return {
    async assign(scope: string, requests: readonly TokenRequest[], seal, now, expiresAt) {
      let s = live(scope, now);
      if (!s) {
        s = { expiresAt, counters: new Map(), byDigest: new Map(), byToken: new Map() };
        scopes.set(scope, s);
      }
      s.expiresAt = expiresAt;
      return requests.map((r, i) => {
        const known = s.byDigest.get(r.digest);
        if (known) return known;
        const n = (s.counters.get(r.type) ?? 0) + 1;
        s.counters.set(r.type, n);
        const token = `<${r.type}_${n}>`;
        s.byDigest.set(r.digest, token);
        s.byToken.set(token, seal(i));
        return token;
      });
    },
    async lookup(scope, tokens, now) {
      const s = live(scope, now);
      return tokens.map((t) => s?.byToken.get(t));
    },
    async drop(scope) {
      scopes.delete(scope);
    },
    async purge(now) {
      let dropped = 0;
      for (const [key, s] of scopes) {
        if (s.expiresAt <= now) {
          scopes.delete(key);
          dropped++;
        }
      }
      return dropped;
    },
    size: () => scopes.size,
  };
}
