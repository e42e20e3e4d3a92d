import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

/** Enough of an organisation to scope a request: no register data, so no parsing on the hot path. */
export type OrganisationRef = { id: string; slug: string; revision: number; archivedAt: string | null };

/**
 * Every API request resolves its organisation's slug, and slugs almost never change: remember the
 * answer briefly. A write to an organisation in this process forgets everything at once; another
 * process sees a rename or an archive within ORG_CACHE_MS.
 */
export const ORG_CACHE_MS = 2_000;
const cache = new WeakMap<object, Map<string, { ref: OrganisationRef; until: number; generation: number }>>();
let generation = 0;

export function forgetResolvedOrganisations(): void {
  generation++;
}

export async function resolveOrganisation(
  db: Kysely<Database>,
  slug: string,
): Promise<OrganisationRef | undefined> {
  let known = cache.get(db);
  if (!known) {
    known = new Map();
    cache.set(db, known);
  }
  const now = Date.now();
  const hit = known.get(slug);
  if (hit && hit.until > now && hit.generation === generation) return hit.ref;
  const row = await db
    .selectFrom("organisations")
    .select(["id", "slug", "revision", "archived_at"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const ref = Object.freeze({
    id: row.id,
    slug: row.slug,
    revision: Number(row.revision),
    archivedAt: row.archived_at,
  });
  if (known.size >= 10_000) known.clear();
  known.set(slug, { ref, until: now + ORG_CACHE_MS, generation });
  return ref;
}
