/**
 * An organisation's AI gateway settings, as the staff API takes and shows them. The upstream API key
 * goes in and never comes out: reads say only whether one is set.
 */
import { z } from "zod";
import { ENTITY_TYPES } from "../pii/index.ts";
import { Ref } from "../register/model/common.schema.ts";

export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The base URL of an OpenAI-compatible API (`https://api.mistral.ai/v1`): the gateway posts to
 * `<base>/chat/completions`. Credentials in the URL are refused: they would be stored and shown in clear,
 * the key has its own sealed field.
 */
export const UpstreamUrl = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .max(2000)
  .refine((u) => {
    const url = new URL(u);
    return url.username === "" && url.password === "";
  }, "must not hold credentials: give the key in apiKey")
  .refine((u) => {
    const url = new URL(u);
    return url.search === "" && url.hash === "";
  }, "must not have a query string or a fragment")
  .transform((u) => u.replace(/\/+$/, ""))
  .describe("Base URL of an OpenAI-compatible API, e.g. https://api.mistral.ai/v1");

/** What the gateway does with each type it finds before a message leaves (pii operators). */
export const OperatorSpec = z
  .string()
  .regex(
    /^(pseudonymise|redact|replace|hash|mask(:\d{1,2})?)$/,
    "expected pseudonymise, redact, replace, hash or mask:N",
  )
  .describe(
    "pseudonymise (reversible <TYPE_n>, the default), redact, replace (<TYPE>), mask:N, hash (keyed)",
  );

export const Operators = z
  .partialRecord(z.enum(ENTITY_TYPES), OperatorSpec)
  .describe("An operator per entity type; types not listed are pseudonymised");

export const GatewaySettingsInput = z.strictObject({
  upstreamUrl: UpstreamUrl,
  apiKey: z
    .string()
    .min(1)
    .max(4096)
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
    .nullable()
    .optional()
    .describe("Sent upstream as `Authorization: Bearer`. Omitted: the stored key stays; null: no key"),
  defaultModel: z.string().trim().min(1).max(200).optional().describe("Used when a request names no model"),
  activityRef: Ref.optional().describe(
    "The register activity that describes this AI processing (it must exist); sync-activity updates it",
  ),
  operators: Operators.optional(),
  timeoutMs: z
    .number()
    .int()
    .min(1000)
    .max(600_000)
    .optional()
    .describe(
      `How long to wait for the upstream's answer (streaming: between two chunks). Default ${DEFAULT_TIMEOUT_MS}`,
    ),
});
export type GatewaySettingsInput = z.infer<typeof GatewaySettingsInput>;

export const GatewaySettingsView = z.object({
  upstreamUrl: z.string(),
  apiKeySet: z.boolean().describe("Whether a key is stored; the key itself is never returned"),
  defaultModel: z.string().nullable(),
  activityRef: z.string().nullable(),
  operators: Operators,
  timeoutMs: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GatewaySettingsView = z.infer<typeof GatewaySettingsView>;
