/** What the `gardien requests …` commands share: the organisation, the request id, flag-named errors. */
import type { AppContext } from "../../app/app-context.ts";
import { isAppError, notFound, type ValidationIssue, validationError } from "../../errors/app-error.ts";
import { resolveOrganisation } from "../../register/organisations/resolve-organisation.ts";

/** The organisation a command names; an unknown slug exits 3 (not found). */
export async function organisationIdOf(ctx: AppContext, slug: string): Promise<string> {
  const org = await resolveOrganisation(ctx.db, slug);
  if (!org) throw notFound("organisation", slug);
  return org.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one positional argument ID (a request's id, as `requests list` prints it). */
export function requestIdArgument(positionals: string[]): string {
  const [id, ...extra] = positionals;
  if (id === undefined || !UUID.test(id)) {
    throw validationError([
      { path: "ID", rule: "uuid", message: "must be a request id (a UUID, see requests list)" },
    ]);
  }
  if (extra.length > 0) {
    throw validationError([{ path: "argv", rule: "unexpected_argument", message: "takes one ID only" }]);
  }
  return id;
}

/**
 * Runs an operation and renames the fields of its validation issues after the command's flags
 * (`requester.email` → `--email`), so a refusal from deep inside names what the user typed.
 */
export async function withFlagNames<T>(
  flags: Readonly<Record<string, string>>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION_FAILED") throw error;
    const issues = (error.details as { issues?: ValidationIssue[] } | undefined)?.issues;
    if (!Array.isArray(issues)) throw error;
    const renamed = issues.map((issue) => {
      const key = Object.keys(flags)
        .sort((a, b) => b.length - a.length)
        .find((k) => issue.path === k || issue.path.startsWith(`${k}.`) || issue.path.startsWith(`${k}[`));
      return key === undefined ? issue : { ...issue, path: flags[key]! };
    });
    throw validationError(renamed);
  }
}
