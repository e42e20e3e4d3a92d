import type { z } from "zod";
import { type ValidationIssue, validationError } from "./app-error.ts";

/** Renders a Zod path the way users read it: `activities[2].purposes[0].legalBasis`. */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Zod issues never echo the rejected value, so they are safe to show: no personal data leaks through them. */
export function issuesFromZod(error: z.ZodError, prefix = ""): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path, prefix),
    rule: issue.code,
    message: issue.message,
  }));
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix = ""): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(issuesFromZod(result.error, prefix));
  return result.data;
}
