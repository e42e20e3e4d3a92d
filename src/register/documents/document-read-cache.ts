import type { DocumentKind, StoredDocument } from "./document-kinds.ts";

/**
 * Read-through cache for single documents, the hottest read of the API. Every write goes through
 * writeDocument, which bumps its organisation's generation, so a cached document is never served
 * after a write made by this process. Other processes sharing a PostgreSQL store see a write within
 * READ_CACHE_MS. A read captures the generation before it queries, so a read that overlaps a write
 * cannot store the older document under the newer generation.
 */
export const READ_CACHE_MS = 1_000;
const LIMIT = 5_000;

type Entry = { doc: StoredDocument<unknown>; until: number; generation: number };
const stores = new WeakMap<object, Map<string, Entry>>();
const generations = new Map<string, number>();

function generationOf(orgId: string): number {
  return generations.get(orgId) ?? 0;
}

/** Called by the write path for every change to an organisation's documents. */
export function invalidateOrganisationDocuments(orgId: string): void {
  generations.set(orgId, generationOf(orgId) + 1);
}

export async function readThroughCache<T>(
  store: object,
  key: { kind: DocumentKind; orgId: string; ref: string },
  load: () => Promise<StoredDocument<T> | undefined>,
): Promise<StoredDocument<T> | undefined> {
  let entries = stores.get(store);
  if (!entries) {
    entries = new Map();
    stores.set(store, entries);
  }
  const id = `${key.kind}\u0000${key.orgId}\u0000${key.ref}`;
  const generation = generationOf(key.orgId);
  const now = Date.now();
  const hit = entries.get(id);
  if (hit && hit.until > now && hit.generation === generation) return hit.doc as StoredDocument<T>;
  const doc = await load();
  if (!doc) {
    entries.delete(id);
    return undefined;
  }
  if (entries.size >= LIMIT) entries.delete(entries.keys().next().value as string);
  entries.set(id, { doc, until: now + READ_CACHE_MS, generation });
  return doc;
}
