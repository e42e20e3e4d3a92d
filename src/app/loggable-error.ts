/**
 * What of an unexpected error may go to the log. Messages of third-party errors can quote the data
 * they choked on (JSON.parse quotes its input; PostgreSQL puts key values in `detail`), so the log
 * gets the error's type, code and stack frames, and a message with anything quoted, any e-mail
 * address and any long number masked. The request id links the entry to the failing request.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return {
    type: error.name,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    message: maskMessage(error.message),
    stack: frames.join("\n"),
    ...(error.cause !== undefined ? { cause: loggableError(error.cause) } : {}),
  };
}

export function maskMessage(message: string): string {
  return message
    .replace(/"[^"]*"|'[^']*'|«[^»]*»|`[^`]*`/g, "[quoted]")
    .replace(/[^\s@]+@[^\s@]+/g, "[email]")
    .replace(/\+?\d[\d .-]{3,}\d/g, "[number]");
}
