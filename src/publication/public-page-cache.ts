/**
 * The public pages' in-memory cache. Rendered pages are keyed by version number, so they never go stale: a
 * publication only moves each organisation's "latest" pointer. A publication in this process moves it at
 * once (and pre-renders the new version's pages); one made by another process (the CLI, another server) is
 * seen within LATEST_CHECK_MS, the only database read on the hot path.
 */
import type { AppContext } from "../app/app-context.ts";
import type { PublicationWithSnapshot } from "./publication-types.ts";
import type { RenderedPage } from "./render-public-page.ts";

export const LATEST_CHECK_MS = 5_000;
const MAX_PAGES = 5_000;
const MAX_PUBLICATIONS = 64;
const MAX_ORGS = 10_000;

export type LatestPointer = { orgId: string | null; number: number | undefined; until: number };

export type PublicPageCache = {
  latest: Map<string, LatestPointer>;
  pages: Map<string, RenderedPage>;
  publications: Map<string, PublicationWithSnapshot>;
};

const caches = new WeakMap<object, PublicPageCache>();

export function publicPageCache(ctx: AppContext): PublicPageCache {
  let cache = caches.get(ctx.db);
  if (!cache) {
    cache = { latest: new Map(), pages: new Map(), publications: new Map() };
    caches.set(ctx.db, cache);
  }
  return cache;
}

/** True when a server in this process serves public pages from this store. */
export function hasPublicPageCache(ctx: AppContext): boolean {
  return caches.has(ctx.db);
}

/** Bounded maps: past the limit, the oldest entries go (Map keeps insertion order). */
export function remember<V>(
  map: Map<string, V>,
  key: string,
  value: V,
  limit: "pages" | "publications" | "orgs",
): void {
  const max = limit === "pages" ? MAX_PAGES : limit === "publications" ? MAX_PUBLICATIONS : MAX_ORGS;
  if (map.size >= max) {
    const first = map.keys().next();
    if (!first.done) map.delete(first.value);
  }
  map.set(key, value);
}

/** Called after a publication: the next request reads the new latest version. */
export function forgetPublicPages(ctx: AppContext, slug: string): void {
  caches.get(ctx.db)?.latest.delete(slug);
}
