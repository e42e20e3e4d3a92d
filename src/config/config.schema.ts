import { isIP } from "node:net";
import { z } from "zod";

/** "10.0.0.1", "10.0.0.0/8", "fd00::/8": an address, with a prefix no longer than its family allows. */
function isAddressOrCidr(text: string): boolean {
  const [address = "", prefix, ...rest] = text.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const port = z.coerce.number().int().min(0).max(65535);
const bool = z.union([
  z.boolean(),
  z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1"),
]);

export const ConfigSchema = z
  .object({
    port: port.default(3000),
    host: z.string().min(1).default("localhost"),
    dataDir: z.string().min(1).default("./data"),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// (or leave it unset for the embedded store)")
      .optional(),
    logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    loadDemo: bool.default(true),
    /** Public base URL used in links sent by e-mail and in published documents. */
    publicUrl: z.url().optional(),
    /**
     * 32-byte key (base64) that encrypts personal data at rest (subscribers, requesters). When unset, a key
     * is generated on first start into <dataDir>/secret.key (mode 0600).
     */
    secretKey: z
      .string()
      .refine(
        (v) => Buffer.from(v, "base64").length === 32,
        "must be 32 bytes, base64-encoded (openssl rand -base64 32)",
      )
      .optional(),
    /**
     * Keys retired by a rotation (comma-separated base64, or a list in the config file): still accepted to
     * decrypt what they sealed until `gardien keys rotate` has re-encrypted it under `secretKey`.
     */
    previousSecretKeys: z
      .union([
        z.string().transform((v) =>
          v
            .split(",")
            .map((k) => k.trim())
            .filter((k) => k !== ""),
        ),
        z.array(z.string()),
      ])
      .pipe(
        z.array(
          z
            .string()
            .refine(
              (v) => Buffer.from(v, "base64").length === 32,
              "each key must be 32 bytes, base64-encoded",
            ),
        ),
      )
      .default([]),
    /**
     * Whether an organisation's AI gateway may forward to a loopback or private address (a model served on
     * the same host or network). Off by default: an organisation's token must not reach the install's
     * internal services through the gateway.
     */
    aiAllowPrivateUpstreams: bool.default(false),
    /**
     * Behind a reverse proxy, which proxies to trust for the client's address (X-Forwarded-For): `true`
     * (every hop: only when the port is reachable through the proxy alone), or the proxies' addresses or
     * CIDRs (comma-separated, or a list in the config file). The per-IP limits of the public forms count the
     * client's address only when this is set; otherwise every visitor would share the proxy's. A hop count
     * is refused: it cannot tell the proxy from a client that reaches the port directly and writes its own
     * X-Forwarded-For (Fastify 5 ignores it for that reason).
     */
    trustProxy: z
      .union([z.boolean(), z.string(), z.array(z.string())])
      .transform((v, ctx): boolean | string[] => {
        if (typeof v === "boolean") return v;
        const text = Array.isArray(v) ? v.join(",") : v.trim();
        if (text === "true" || text === "false") return text === "true";
        const list = text
          .split(",")
          .map((p) => p.trim())
          .filter((p) => p !== "");
        if (list.length === 0 || !list.every(isAddressOrCidr)) {
          ctx.addIssue({
            code: "custom",
            message: "must be true, false, or IP addresses/CIDRs separated by commas (not a hop count)",
          });
          return z.NEVER;
        }
        return list;
      })
      .default(false),
    /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example.org:587. Unset: mail is not sent. */
    smtpUrl: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    mailFrom: z.string().min(3).default("Gardien <no-reply@localhost>"),
    /**
     * Worker threads that scan large HTTP batches of the personal-data API (from 256 K characters), so the
     * event loop keeps answering meanwhile: `auto` (one per core but one, at least 1, at most 8, started on
     * the first large batch), a number, or 0 to scan everything on the main thread.
     */
    piiWorkers: threadCount(0).default("auto"),
    /**
     * Whether a listening server starts those workers at once and runs made-up texts through them, so the
     * first large batch does not wait while they start and compile the scanner (~0.3 s of CPU each, in
     * the background). Off: the pool starts on the first large batch, and an install that never gets one
     * never starts a thread.
     */
    piiWarmup: bool.default(true),
  })
  .strict();

export type Config = Readonly<z.output<typeof ConfigSchema>>;

/**
 * `auto`, or a whole number of threads from `min` to 64, written in digits ("0x10", "1e1" or " 2" are
 * refused, not read as numbers): a setting, or a CLI flag such as `pii detect --workers`.
 */
export function threadCount(min: number) {
  const rule = `expected auto or a whole number of threads from ${min} to 64`;
  return z.union(
    [
      z.literal("auto"),
      z.number().int(rule).min(min, rule).max(64, rule),
      z
        .string()
        .regex(/^\d{1,2}$/, rule)
        .transform(Number)
        .pipe(z.number().min(min, rule).max(64, rule)),
    ],
    { error: rule },
  );
}
export type ConfigInput = z.input<typeof ConfigSchema>;

/** Each setting, its flag and its environment variable: the three sources read in that order of priority. */
export const CONFIG_SOURCES: ReadonlyArray<{ key: keyof ConfigInput; flag: string; env: string }> = [
  { key: "port", flag: "--port", env: "PORT" },
  { key: "host", flag: "--host", env: "HOST" },
  { key: "dataDir", flag: "--data-dir", env: "GARDIEN_DATA_DIR" },
  { key: "databaseUrl", flag: "--database-url", env: "DATABASE_URL" },
  { key: "logLevel", flag: "--log-level", env: "LOG_LEVEL" },
  { key: "loadDemo", flag: "--load-demo", env: "GARDIEN_LOAD_DEMO" },
  { key: "publicUrl", flag: "--public-url", env: "GARDIEN_PUBLIC_URL" },
  { key: "secretKey", flag: "--secret-key", env: "GARDIEN_SECRET_KEY" },
  { key: "previousSecretKeys", flag: "--previous-secret-keys", env: "GARDIEN_PREVIOUS_SECRET_KEYS" },
  {
    key: "aiAllowPrivateUpstreams",
    flag: "--ai-allow-private-upstreams",
    env: "GARDIEN_AI_ALLOW_PRIVATE_UPSTREAMS",
  },
  { key: "trustProxy", flag: "--trust-proxy", env: "GARDIEN_TRUST_PROXY" },
  { key: "smtpUrl", flag: "--smtp-url", env: "GARDIEN_SMTP_URL" },
  { key: "mailFrom", flag: "--mail-from", env: "GARDIEN_MAIL_FROM" },
  { key: "piiWorkers", flag: "--pii-workers", env: "GARDIEN_PII_WORKERS" },
  { key: "piiWarmup", flag: "--pii-warmup", env: "GARDIEN_PII_WARMUP" },
];
