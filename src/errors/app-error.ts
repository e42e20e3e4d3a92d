/**
 * The one error type for expected failures. Its code decides the HTTP status and the CLI exit code
 * (see error-codes.ts); its messages never carry personal data, because they reach logs and clients.
 */
import type { ErrorCode } from "./error-codes.ts";

export type Localized = { fr: string; en: string };

export type AppErrorOptions = {
  /** FR/EN text meant for the person using Gardien. Defaults to the message. */
  userMessage?: Localized;
  /** Structured, non-personal context: field paths, rule names, limits. */
  details?: unknown;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: Localized;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage ?? { fr: message, en: message };
    this.details = options.details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** One issue in a validation failure: where, which rule, what. */
export type ValidationIssue = { path: string; rule: string; message: string };

export function validationError(issues: ValidationIssue[], message?: string): AppError {
  const first = issues[0];
  const summary = message ?? (first ? `${first.path || "(root)"}: ${first.message}` : "Invalid input");
  return new AppError("VALIDATION_FAILED", summary, {
    userMessage: { fr: `Données invalides — ${summary}`, en: `Invalid input — ${summary}` },
    details: { issues },
  });
}

// French names of the things a lookup can miss, so that the French message is French throughout.
const FRENCH_NAMES: Readonly<Record<string, string>> = {
  organisation: "organisation",
  activity: "activité",
  processor: "sous-traitant",
  "processor-register entry": "entrée du registre des sous-traitants",
  revision: "révision",
  token: "jeton",
  "entity type": "type d'entité",
  "AI gateway settings": "réglages de la passerelle IA",
  request: "demande",
  attachment: "pièce jointe",
  party: "destinataire de la demande",
  peer: "correspondant OpenDSR",
  "OpenDSR request": "demande OpenDSR",
  "OpenDSR key": "clé OpenDSR",
};

/** `key` is a ref, slug or id chosen by users of Gardien for their register: never personal data. */
export function notFound(what: string, key: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found: ${key}`, {
    userMessage: {
      fr: `Introuvable : ${FRENCH_NAMES[what] ?? what} « ${key} »`,
      en: `Not found: ${what} "${key}"`,
    },
    details: { entity: what, key },
  });
}

export function conflict(message: string, details?: unknown): AppError {
  return new AppError("CONFLICT", message, { details });
}

export function forbidden(message: string): AppError {
  return new AppError("FORBIDDEN", message, {
    userMessage: { fr: `Accès refusé : ${message}`, en: `Forbidden: ${message}` },
  });
}
