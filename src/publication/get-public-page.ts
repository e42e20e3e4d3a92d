import type { AppContext } from "../app/app-context.ts";
import { resolveOrganisation } from "../register/organisations/resolve-organisation.ts";
import { publicBaseUrl } from "../subscriptions/public-base-url.ts";
import { getPublication, latestPublicationNumber, noPublication } from "./get-publication.ts";
import { publicActivities } from "./public-documents.ts";
import { LATEST_CHECK_MS, publicPageCache, remember } from "./public-page-cache.ts";
import type { PublicationWithSnapshot } from "./publication-types.ts";
import { type PageRequest, type RenderedPage, renderPublicPage } from "./render-public-page.ts";

export type PublicPageInput = Omit<PageRequest, "isVersion" | "policyUrl"> & { version?: number | undefined };

/** The number of the latest publication of an organisation, from the cache when recent enough. */
async function latestNumber(ctx: AppContext, slug: string): Promise<number> {
  const cache = publicPageCache(ctx);
  const now = Date.now();
  const known = cache.latest.get(slug);
  if (known && known.until > now) {
    if (known.number === undefined) throw noPublication(slug);
    return known.number;
  }
  const org = await resolveOrganisation(ctx.db, slug);
  const number = org ? await latestPublicationNumber(ctx, org.id) : undefined;
  remember(cache.latest, slug, { orgId: org?.id ?? null, number, until: now + LATEST_CHECK_MS }, "orgs");
  if (number === undefined) throw noPublication(slug);
  if (known?.number !== number) {
    // First request for this version since start (or since it was published elsewhere): render the
    // main pages of both languages now, off this request's path.
    prerenderPublicPages(ctx, slug).catch((error: unknown) => {
      ctx.log.warn({ error: String(error) }, "public pages could not be pre-rendered");
    });
  }
  return number;
}

async function publicationOf(
  ctx: AppContext,
  slug: string,
  number: number,
): Promise<PublicationWithSnapshot> {
  const cache = publicPageCache(ctx);
  const key = `${slug}|${number}`;
  const known = cache.publications.get(key);
  if (known) return known;
  const publication = await getPublication(ctx, { slug, number });
  remember(cache.publications, key, publication, "publications");
  return publication;
}

function pageKey(input: PublicPageInput, number: number): string {
  const isVersion = input.version !== undefined;
  return `${input.slug}|${number}|${input.page}|${input.ref ?? ""}|${input.lang}|${input.format}|${isVersion}`;
}

/**
 * The page when the cache can answer without waiting: the latest pointer is fresh and the page rendered.
 * The public routes try this first, so a cached page is sent without a trip through the event loop.
 */
export function cachedPublicPage(ctx: AppContext, input: PublicPageInput): RenderedPage | undefined {
  const cache = publicPageCache(ctx);
  let number = input.version;
  if (number === undefined) {
    const known = cache.latest.get(input.slug);
    if (!known || known.until <= Date.now() || known.number === undefined) return undefined;
    number = known.number;
  }
  return cache.pages.get(pageKey(input, number));
}

/**
 * One public page of an organisation's published register: the latest version, or `version`. Never a draft:
 * pages are rendered from publication snapshots only. NOT_FOUND when nothing is published (or no such version).
 *
 * @example const { page } = await getPublicPage(ctx, { slug: "regis", page: "privacy", lang: "fr", format: "html" });
 */
export async function getPublicPage(
  ctx: AppContext,
  input: PublicPageInput,
): Promise<{ page: RenderedPage; number: number }> {
  const number = input.version ?? (await latestNumber(ctx, input.slug));
  const isVersion = input.version !== undefined;
  const cache = publicPageCache(ctx);
  const key = pageKey(input, number);
  const hit = cache.pages.get(key);
  if (hit) return { page: hit, number };
  const publication = await publicationOf(ctx, input.slug, number);
  const page = await renderPublicPage(publication, {
    ...input,
    isVersion,
    policyUrl: `${publicBaseUrl(ctx.config)}/o/${input.slug}/privacy`,
  });
  // Kept as bytes: encoding a 20 kB page to UTF-8 on every request would cost more than the lookup.
  const stored = typeof page.body === "string" ? { ...page, body: Buffer.from(page.body, "utf8") } : page;
  remember(cache.pages, key, stored, "pages");
  return { page: stored, number };
}

/** Renders the latest version's HTML pages in both languages into the cache (after a publication, at start). */
export async function prerenderPublicPages(ctx: AppContext, slug: string): Promise<void> {
  const { number } = await getPublicPage(ctx, { slug, page: "register", lang: "fr", format: "html" });
  const publication = await publicationOf(ctx, slug, number);
  const refs = publicActivities(publication.snapshot)
    .slice(0, 50)
    .map((a) => a.ref);
  for (const lang of ["fr", "en"] as const) {
    for (const page of ["register", "privacy", "notice", "processor-register"] as const) {
      await getPublicPage(ctx, { slug, page, lang, format: "html", version: undefined });
    }
    for (const ref of refs) await getPublicPage(ctx, { slug, page: "activity", ref, lang, format: "html" });
  }
}
