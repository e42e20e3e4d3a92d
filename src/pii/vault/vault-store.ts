import type { EntityType } from "../entity.ts";

/** One value to tokenise: its type and its keyed digest (the store never sees the value itself). */
export type TokenRequest = { type: EntityType; digest: string };

/**
 * Where a vault keeps its tokens. The store sees digests, tokens and sealed (AES-256-GCM) values only;
 * the keys stay in the vault's memory. A database-backed store implements the same four calls; `assign`
 * must be atomic per scope (one transaction), so two messages of a conversation never get the same number.
 */
export interface VaultStore {
  /**
   * Returns the token of each digest in `scope`, creating `<TYPE_n>` (n counted per scope and type) for
   * digests not seen yet, sealed by `seal(i)`. Extends the scope's life to `expiresAt`.
   */
  assign(
    scope: string,
    requests: readonly TokenRequest[],
    seal: (index: number) => Uint8Array,
    now: number,
    expiresAt: number,
  ): Promise<string[]>;
  /** The sealed value of each token, or undefined when unknown or expired. */
  lookup(scope: string, tokens: readonly string[], now: number): Promise<Array<Uint8Array | undefined>>;
  /** Forgets a scope at once (end of a conversation). */
  drop(scope: string): Promise<void>;
  /** Forgets every expired scope; returns how many. */
  purge(now: number): Promise<number>;
}
