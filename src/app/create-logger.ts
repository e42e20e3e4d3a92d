import pino, { type Logger } from "pino";

/**
 * Logs carry ids, refs, codes and timings, never personal data: request bodies are not logged,
 * and credentials are redacted in case a header ever reaches a log line.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "token"],
      censor: "[redacted]",
    },
  });
}
