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
