/**
 * The single table from error codes to HTTP statuses and CLI exit codes.
 * Exit code 2 is bad input (the CLI contract), 1 is reserved for "the check found problems" (lint, audit verify).
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { http: 400, exit: 2 },
  BAD_REQUEST: { http: 400, exit: 2 },
  UNAUTHENTICATED: { http: 401, exit: 2 },
  FORBIDDEN: { http: 403, exit: 2 },
  NOT_FOUND: { http: 404, exit: 3 },
  CONFLICT: { http: 409, exit: 4 },
  PAYLOAD_TOO_LARGE: { http: 413, exit: 2 },
  RATE_LIMITED: { http: 429, exit: 5 },
  /** A feature the request needs is not set up for the organisation (e.g. its AI gateway settings). */
  NOT_CONFIGURED: { http: 409, exit: 78 },
  /** An upstream service (the AI gateway's model provider) answered with an error or an unreadable body. */
  UPSTREAM_ERROR: { http: 502, exit: 69 },
  /** The upstream service could not be reached (connection refused, DNS, TLS). */
  UPSTREAM_UNAVAILABLE: { http: 502, exit: 69 },
  /** The upstream service did not answer in time. */
  UPSTREAM_TIMEOUT: { http: 504, exit: 75 },
  CONFIG_INVALID: { http: 500, exit: 78 },
  INTERNAL: { http: 500, exit: 70 },
} as const satisfies Record<string, { http: number; exit: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function httpStatusFor(code: ErrorCode): number {
  return ERROR_CODES[code].http;
}

export function exitCodeFor(code: ErrorCode): number {
  return ERROR_CODES[code].exit;
}
