import { createRequire } from "node:module";
import type { Logger } from "pino";

const require = createRequire(import.meta.url);

/**
 * Logs carry ids, refs, codes and timings, never personal data: request bodies are not logged,
 * and credentials are redacted in case a header ever reaches a log line.
 */
export function createLogger(level: string): Logger {
  const pino = require("pino") as typeof import("pino").default;
  return pino({
    level,
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "token"],
      censor: "[redacted]",
    },
  });
}
