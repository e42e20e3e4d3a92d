/**
 * The personal-data engine over HTTP (src/pii): detect, redact, pseudonymise, reidentify. The decisions:
 *
 * - Texts are never logged nor echoed: the request log keeps route patterns, and validation errors name
 *   the field and the rule, never the value (error-handler.ts).
 * - Limits: a request body of 10 MiB, 1,000 items per batch, 1 MiB (UTF-8) per text. Over a byte limit
 *   the answer is 413 naming it.
 * - Conversations live in this process's memory (the library's vault: sealed values, one-hour TTL after
 *   the last message holding personal data), nowhere else. Their scope is the caller's organisation (an
 *   admin token: the token itself), so one organisation can never reidentify another's tokens: a
 *   conversation of another organisation is "not found", exactly like one that never existed.
 * - The keyed hash's key is derived from the install's secret key (HKDF), never taken from the request.
 * - A batch of 256 K characters or more is scanned on worker threads (config piiWorkers), so that one
 *   large body does not hold the event loop, and every other request, for the ~0.1 s its scan takes.
 */
import { randomUUID } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import type { Principal } from "../../auth/authenticate-token.ts";
import { deriveUseKey, loadKeyring } from "../../crypto/keyring.ts";
import { AppError, notFound } from "../../errors/app-error.ts";
import {
  type BatchDetector,
  createVault,
  type DetectLang,
  ENTITY_TYPES,
  type EntityType,
  type Operator,
  type OperatorPlan,
  parseOperator,
  pseudonymise,
  redactSync,
  reidentify,
  type Vault,
} from "../../pii/index.ts";
import { SECURED, uncheckedResponse, withErrors } from "../api-schemas.ts";
import { principalOf } from "../auth.ts";

const TAG = "pii";

/** A batch may carry 10 MiB; one text at most 1 MiB (UTF-8), whether alone or in a batch. */
export const PII_BODY_LIMIT = 10 * 1024 * 1024;
export const PII_TEXT_LIMIT = 1024 * 1024;
export const PII_MAX_ITEMS = 1000;
/** How long a conversation's tokens live after its last message holding personal data. */
export const CONVERSATION_TTL_MS = 60 * 60 * 1000;

// --- schemas --------------------------------------------------------------------------------------

const Text = z.string().describe(`At most ${PII_TEXT_LIMIT} bytes in UTF-8 (413 beyond)`);
const Lang = z
  .enum(["fr", "en", "auto"])
  .describe("Which everyday words that are also first names to discount; default auto (both)");
const ItemId = z.string().max(200).describe("Yours, echoed back with the item's result");
const Item = z.strictObject({ id: ItemId.optional(), text: Text, lang: Lang.optional() });
const Items = z
  .array(Item)
  .min(1)
  .max(PII_MAX_ITEMS)
  .describe(`A batch of at most ${PII_MAX_ITEMS} texts; the top-level lang is their default`);
const ConversationId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, "expected 1 to 128 letters, digits or . _ : -")
  .describe("Tokens are consistent within a conversation, and only its organisation may reidentify them");
const OperatorSpec = z
  .string()
  .regex(/^(redact|replace|hash|mask(:\d{1,2})?)$/, "expected redact, replace, hash or mask:N")
  .describe("redact (remove), replace (<TYPE>), mask:N (keep the last N characters), hash (keyed)");

const textOrItems = { text: Text.optional(), lang: Lang.optional(), items: Items.optional() };

/** A request holds one text or a batch of items, not both. */
function oneTextOrItems<T extends z.ZodType<{ text?: string; items?: unknown[] }>>(schema: T): T {
  return schema
    .refine((b) => b.text !== undefined || b.items !== undefined, {
      path: ["text"],
      message: "is required unless items is given",
    })
    .refine((b) => b.text === undefined || b.items === undefined, {
      path: ["items"],
      message: "give text or items, not both",
    });
}

const DetectRequest = oneTextOrItems(z.strictObject(textOrItems));
const RedactRequest = oneTextOrItems(
  z.strictObject({
    ...textOrItems,
    operators: z
      .partialRecord(z.enum(ENTITY_TYPES), OperatorSpec)
      .optional()
      .describe("An operator per entity type; types not listed are replaced by <TYPE>"),
  }),
);
const PseudonymiseRequest = oneTextOrItems(
  z.strictObject({
    ...textOrItems,
    conversationId: ConversationId.optional().describe("Continue this conversation; default: a new one"),
  }),
);
const ReidentifyRequest = oneTextOrItems(z.strictObject({ ...textOrItems, conversationId: ConversationId }));

const EntityBody = z.object({
  type: z.enum(ENTITY_TYPES),
  start: z.number().int().describe("UTF-16 offset"),
  end: z.number().int().describe("UTF-16 offset, exclusive"),
  score: z.number(),
});
const Entities = z.array(EntityBody);
const ItemResult = <S extends z.ZodRawShape>(shape: S) => z.object({ id: ItemId.optional(), ...shape });

const DetectResponse = uncheckedResponse(
  z.union([
    z.object({ entities: Entities }),
    z.object({ items: z.array(ItemResult({ entities: Entities })) }),
  ]),
);
const RedactResponse = uncheckedResponse(
  z.union([
    z.object({ text: z.string(), entities: Entities.describe("Offsets in the original text") }),
    z.object({ items: z.array(ItemResult({ text: z.string(), entities: Entities })) }),
  ]),
);
const PseudonymiseResponse = uncheckedResponse(
  z.union([
    z.object({ text: z.string(), conversationId: z.string() }),
    z.object({ items: z.array(ItemResult({ text: z.string() })), conversationId: z.string() }),
  ]),
);
const ReidentifyResponse = uncheckedResponse(
  z.union([z.object({ text: z.string() }), z.object({ items: z.array(ItemResult({ text: z.string() })) })]),
);

// --- helpers --------------------------------------------------------------------------------------

type Texts = {
  text?: string;
  lang?: DetectLang;
  items?: Array<{ id?: string; text: string; lang?: DetectLang }>;
};
type Job = { id?: string; text: string; lang: DetectLang };

function textTooLarge(path: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `${path} exceeds the limit of ${PII_TEXT_LIMIT} bytes`, {
    userMessage: {
      en: `The text ${path} exceeds the limit of ${PII_TEXT_LIMIT} bytes (UTF-8).`,
      fr: `Le texte ${path} dépasse la limite de ${PII_TEXT_LIMIT} octets (UTF-8).`,
    },
    details: { limitBytes: PII_TEXT_LIMIT, path },
  });
}

/** The texts of a request, each with its language, after the per-text limit. */
function jobsOf(body: Texts): Job[] {
  const jobs: Job[] = body.items
    ? body.items.map((item) => ({ id: item.id, text: item.text, lang: item.lang ?? body.lang ?? "auto" }))
    : [{ text: body.text ?? "", lang: body.lang ?? "auto" }];
  jobs.forEach((job, i) => {
    // 3 bytes per UTF-16 unit at most: most texts pass without being measured.
    if (job.text.length * 3 > PII_TEXT_LIMIT && Buffer.byteLength(job.text) > PII_TEXT_LIMIT) {
      throw textTooLarge(body.items ? `items[${i}].text` : "text");
    }
  });
  return jobs;
}

/** One result for a single text, `{items}` for a batch (ids echoed). */
function answer<R extends object>(body: Texts, jobs: Job[], results: R[]) {
  if (!body.items) return results[0]!;
  return { items: results.map((r, i) => (jobs[i]!.id === undefined ? r : { id: jobs[i]!.id, ...r })) };
}

/** The vault scope of a conversation: its organisation's (or an admin token's) and its id. */
function scopeOf(principal: Principal, conversationId: string): string {
  const owner = principal.orgId !== null ? `org:${principal.orgId}` : `token:${principal.tokenId}`;
  return `${owner}\0${conversationId}`;
}

/**
 * Which conversations exist, so that reidentifying an unknown (or expired, or another organisation's)
 * one is a 404 rather than a silent no-op. Expired entries, here and in the vault's store, are swept at
 * most once a minute, on a request: no timer keeps the process alive.
 */
function createConversations(vault: Vault, now: () => number) {
  const expiries = new Map<string, number>();
  let nextSweep = 0;
  return {
    async touch(scope: string): Promise<void> {
      const t = now();
      if (t >= nextSweep) {
        nextSweep = t + 60_000;
        for (const [key, expiresAt] of expiries) if (expiresAt <= t) expiries.delete(key);
        await vault.store.purge(t);
      }
      expiries.set(scope, t + CONVERSATION_TTL_MS);
    },
    isLive(scope: string): boolean {
      const expiresAt = expiries.get(scope);
      if (expiresAt === undefined) return false;
      if (expiresAt > now()) return true;
      expiries.delete(scope);
      return false;
    },
  };
}

// --- routes ---------------------------------------------------------------------------------------

export const piiRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; detector: BatchDetector }> = async (
  app,
  { ctx, detector },
) => {
  const now = () => ctx.now().getTime();
  const vault = createVault({ ttlMs: CONVERSATION_TTL_MS, now });
  const conversations = createConversations(vault, now);
  // Derived on first use (and cached by the keyring), so an install that never hashes never loads the key.
  const hashKeyOf = () => new Uint8Array(deriveUseKey(loadKeyring(ctx.config).current, "pii-hash"));
  const common = { ...SECURED, tags: [TAG] };

  app.post(
    "/pii/detect",
    {
      bodyLimit: PII_BODY_LIMIT,
      schema: {
        ...common,
        summary: "Find personal data in a text or a batch of texts",
        description: "Entities are sorted and never overlap; offsets are UTF-16 indices, end exclusive.",
        body: DetectRequest,
        response: withErrors({ 200: DetectResponse }),
      },
    },
    async (request) => {
      const jobs = jobsOf(request.body);
      const found = await detector.detectAll(jobs);
      return answer(
        request.body,
        jobs,
        found.map((entities) => ({ entities })),
      );
    },
  );

  app.post(
    "/pii/redact",
    {
      bodyLimit: PII_BODY_LIMIT,
      schema: {
        ...common,
        summary: "Replace personal data: redact, replace, mask or keyed hash, per type",
        description:
          "The hash key is the server's (derived from its secret key): equal values, equal output.",
        body: RedactRequest,
        response: withErrors({ 200: RedactResponse }),
      },
    },
    async (request) => {
      const jobs = jobsOf(request.body);
      const byType: Partial<Record<EntityType, Operator>> = {};
      for (const [type, spec] of Object.entries(request.body.operators ?? {})) {
        if (spec !== undefined) byType[type as EntityType] = parseOperator(spec, `operators.${type}`);
      }
      const plan: OperatorPlan = { default: { kind: "replace" }, byType };
      const hashes = Object.values(byType).some((op) => op.kind === "hash");
      // The schema admits no pseudonymise operator here: the synchronous path applies.
      const hashKey = hashes ? hashKeyOf() : undefined;
      const found = await detector.detectAll(jobs);
      const results = jobs.map((job, i) => redactSync(job.text, { plan, hashKey, entities: found[i]! }));
      return answer(request.body, jobs, results);
    },
  );

  app.post(
    "/pii/pseudonymise",
    {
      bodyLimit: PII_BODY_LIMIT,
      schema: {
        ...common,
        summary: "Replace personal data with tokens (<PERSON_1>) consistent within a conversation",
        description:
          "Keep the returned conversationId to continue the conversation or reidentify its tokens. " +
          `The conversation lives in server memory only, ${CONVERSATION_TTL_MS / 60_000} minutes after ` +
          "its last message holding personal data.",
        body: PseudonymiseRequest,
        response: withErrors({ 200: PseudonymiseResponse }),
      },
    },
    async (request) => {
      const jobs = jobsOf(request.body);
      const conversationId = request.body.conversationId ?? randomUUID();
      const scope = scopeOf(principalOf(request), conversationId);
      const found = await detector.detectAll(jobs);
      await conversations.touch(scope);
      // One after the other: numbers are then given in the order of the items.
      const results = [];
      for (const [i, job] of jobs.entries()) {
        results.push({ text: (await pseudonymise(job.text, { vault, scope, entities: found[i]! })).text });
      }
      return { ...answer(request.body, jobs, results), conversationId };
    },
  );

  app.post(
    "/pii/reidentify",
    {
      bodyLimit: PII_BODY_LIMIT,
      schema: {
        ...common,
        summary: "Put a conversation's original values back in place of its tokens",
        description:
          "Tokens are read as written (<PERSON_1>) and in the forms AI models turn them into: PERSON_1, " +
          "&lt;PERSON_1&gt;, \\<PERSON\\_1\\>, [PERSON_1], {{PERSON_1}}. " +
          "Tokens the conversation does not know are left as they are. A conversation that does not exist, " +
          "has expired or belongs to another organisation is 404.",
        body: ReidentifyRequest,
        response: withErrors({ 200: ReidentifyResponse }),
      },
    },
    async (request) => {
      const jobs = jobsOf(request.body);
      const { conversationId } = request.body;
      const scope = scopeOf(principalOf(request), conversationId);
      if (!conversations.isLive(scope)) throw notFound("conversation", conversationId);
      const results = [];
      for (const job of jobs) results.push({ text: await reidentify(job.text, { vault, scope }) });
      return answer(request.body, jobs, results);
    },
  );
};
