import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level and no insignificant whitespace, so that the same value
 * always hashes the same way, whichever engine stored it and in whatever key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (value === undefined) return "null";
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Hash of a value in canonical form; null stays null so "no before state" is explicit. */
export function hashValue(value: unknown): string | null {
  return value === undefined || value === null ? null : sha256Hex(canonicalJson(value));
}
