/**
 * Who may call what. The decisions, in one place:
 *
 * - Every route under /api/v1 needs `Authorization: Bearer <token>`, reads included. The register
 *   names contacts, DPOs and processors, and drafts are not meant to be public: the public pages
 *   (a later issue) will serve the *published* register on their own routes. The exceptions are
 *   `GET /healthz`, `GET /api/openapi.json` and `GET /api/v1/schema/register`, which hold no register data.
 * - An organisation-scoped token acts on its own organisation only. Naming any other slug — one
 *   that exists or not — gives 403, so a scoped token cannot probe which organisations exist.
 *   Listing organisations with it shows only its own.
 * - Creating and archiving organisations is for admin tokens: they change who the install serves.
 *   A scoped token may update its own organisation, restore its revisions, and import its own register.
 * - Without a token, or with an unknown or revoked one: 401.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../app/app-context.ts";
import { authenticateToken, canActOn, type Principal } from "../auth/authenticate-token.ts";
import { AppError, forbidden, notFound } from "../errors/app-error.ts";
import { type OrganisationRef, resolveOrganisation } from "../register/organisations/resolve-organisation.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the auth hook on every /api/v1 route; null on the public routes. */
    principal: Principal | null;
  }
}

function unauthenticated(): AppError {
  return new AppError("UNAUTHENTICATED", "a valid API token is required", {
    userMessage: { fr: "Un jeton d'API valide est requis.", en: "A valid API token is required." },
  });
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Requires a bearer token on every route of the instance it is added to (an encapsulated plugin). */
export function requireToken(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("principal", null);
  // onRequest runs before the body is read: an anonymous caller cannot make the server parse anything.
  app.addHook("onRequest", async (request) => {
    const match = BEARER.exec(request.headers.authorization ?? "");
    if (!match?.[1]) throw unauthenticated();
    request.principal = await authenticateToken(ctx, match[1]);
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

export function requireAdmin(request: FastifyRequest): Principal {
  const principal = principalOf(request);
  if (!principal.admin) throw forbidden("this action needs an admin token");
  return principal;
}

function otherOrganisation(): AppError {
  return forbidden("this token may only act on its own organisation");
}

/**
 * The organisation a request names, once the caller is known to be allowed on it.
 * Admin: 404 when it does not exist. Scoped token: 403 unless it is the token's own organisation.
 */
export async function organisationFor(
  ctx: AppContext,
  request: FastifyRequest,
  slug: string,
): Promise<{ org: OrganisationRef; principal: Principal }> {
  const principal = principalOf(request);
  const org = await resolveOrganisation(ctx.db, slug);
  if (principal.admin) {
    if (!org) throw notFound("organisation", slug);
    return { org, principal };
  }
  if (!org || !canActOn(principal, org.id)) throw otherOrganisation();
  return { org, principal };
}

/** For routes that may create the organisation they name (import): the same rule, without the lookup for admins. */
export async function assertMayActOnSlug(
  ctx: AppContext,
  request: FastifyRequest,
  slug: string,
): Promise<Principal> {
  const principal = principalOf(request);
  if (principal.admin) return principal;
  const org = await resolveOrganisation(ctx.db, slug);
  if (!org || !canActOn(principal, org.id)) throw otherOrganisation();
  return principal;
}
