/**
 * The gateway's upstream failures. None quotes the upstream's answer nor the messages: an upstream error
 * body may echo the request, and the request, even pseudonymised, is the client's.
 */
import { AppError } from "../errors/app-error.ts";

export function upstreamTimeout(timeoutMs: number, cause?: unknown): AppError {
  return new AppError("UPSTREAM_TIMEOUT", `the AI upstream did not answer within ${timeoutMs} ms`, {
    userMessage: {
      en: `The AI model provider did not answer within ${timeoutMs} ms.`,
      fr: `Le fournisseur du modèle d'IA n'a pas répondu en ${timeoutMs} ms.`,
    },
    details: { timeoutMs },
    cause,
  });
}

export function upstreamUnavailable(cause: unknown): AppError {
  const reason = networkCode(cause);
  return new AppError("UPSTREAM_UNAVAILABLE", "the AI upstream could not be reached", {
    userMessage: {
      en: "The AI model provider could not be reached.",
      fr: "Le fournisseur du modèle d'IA est injoignable.",
    },
    details: reason ? { reason } : null,
    cause,
  });
}

export function upstreamError(upstreamStatus: number, upstreamCode?: string): AppError {
  return new AppError("UPSTREAM_ERROR", `the AI upstream answered HTTP ${upstreamStatus}`, {
    userMessage: {
      en: `The AI model provider answered with an error (HTTP ${upstreamStatus}).`,
      fr: `Le fournisseur du modèle d'IA a répondu par une erreur (HTTP ${upstreamStatus}).`,
    },
    details: { upstreamStatus, ...(upstreamCode ? { upstreamCode } : {}) },
  });
}

export function upstreamInvalid(reason: string, cause?: unknown): AppError {
  return new AppError("UPSTREAM_ERROR", `the AI upstream's answer cannot be read: ${reason}`, {
    userMessage: {
      en: "The AI model provider's answer cannot be read.",
      fr: "La réponse du fournisseur du modèle d'IA est illisible.",
    },
    details: { reason },
    cause,
  });
}

/** ECONNREFUSED, ENOTFOUND, UND_ERR_… from fetch's cause chain: codes, never messages. */
function networkCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{2,40}$/.test(code)) return code;
  }
  return undefined;
}
