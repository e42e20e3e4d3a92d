import type { Actor, AppContext } from "../app/app-context.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { openText, sealText } from "../crypto/seal.ts";
import type { AiGatewaySettingsRow } from "../db/schema.ts";
import { validationError } from "../errors/app-error.ts";
import { parseOrThrow } from "../errors/from-zod.ts";
import { assertPublicUpstream } from "./assert-public-upstream.ts";
import {
  DEFAULT_TIMEOUT_MS,
  GatewaySettingsInput,
  type GatewaySettingsView,
} from "./gateway-settings.schema.ts";
import { auditedState, type GatewayOrg, readSettingsRow, viewOf } from "./gateway-settings-row.ts";

export const KEY_USE = "ai-upstream-key";

type KeyChange = "set" | "replaced" | "removed" | "unchanged";

/**
 * Creates or replaces an organisation's AI gateway settings (PUT semantics: a field left out is unset),
 * except the upstream key, which stays as stored when `apiKey` is omitted (reads never return it, so a
 * client could not send it back), and is removed by `apiKey: null`.
 *
 * The key is sealed (AES-256-GCM, bound to the organisation id). The audit entry names the upstream's
 * host and what happened to the key (set, replaced, removed), never the key nor the full URL.
 *
 * @example
 * await putGatewaySettings(ctx, { org, actor, body: { upstreamUrl: "https://api.mistral.ai/v1", apiKey: "sk-…" } });
 */
export async function putGatewaySettings(
  ctx: AppContext,
  input: { org: GatewayOrg; body: unknown; actor: Actor },
): Promise<{ settings: GatewaySettingsView; created: boolean; changed: boolean }> {
  const body = parseOrThrow(GatewaySettingsInput, input.body);
  const orgId = input.org.id;
  await assertPublicUpstream(ctx.config, body.upstreamUrl, "settings");
  if (body.activityRef !== undefined) await assertActivityUsable(ctx, orgId, body.activityRef);
  const now = ctx.now();
  const at = now.toISOString();

  return ctx.db.transaction().execute(async (trx) => {
    const existing = await readSettingsRow(trx, orgId);
    const seal = { use: KEY_USE, aad: orgId } as const;
    let keyChange: KeyChange = "unchanged";
    let sealed = existing?.api_key_sealed ?? null;
    if (body.apiKey === null) {
      if (sealed !== null) keyChange = "removed";
      sealed = null;
    } else if (body.apiKey !== undefined) {
      const same = sealed !== null && safeOpen(ctx, sealed, seal) === body.apiKey;
      if (!same) {
        keyChange = sealed === null ? "set" : "replaced";
        sealed = sealText(ctx.config, body.apiKey, seal);
      }
    }
    const next: AiGatewaySettingsRow = {
      org_id: orgId,
      upstream_url: body.upstreamUrl,
      api_key_sealed: sealed,
      default_model: body.defaultModel ?? null,
      activity_ref: body.activityRef ?? null,
      operators: JSON.stringify(sortedOperators(body.operators ?? {})),
      timeout_ms: body.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      created_at: existing?.created_at ?? at,
      updated_at: at,
    };
    const fields = changedFields(existing, next);
    if (existing && fields.length === 0 && keyChange === "unchanged") {
      return { settings: viewOf(existing), created: false, changed: false };
    }
    if (existing) {
      const { org_id: _id, created_at: _created, ...set } = next;
      await trx.updateTable("ai_gateway_settings").set(set).where("org_id", "=", orgId).execute();
    } else {
      await trx.insertInto("ai_gateway_settings").values(next).execute();
    }
    await appendAudit(
      trx,
      {
        chain: orgId,
        actor: input.actor,
        action: existing ? "ai_gateway.update" : "ai_gateway.create",
        entityType: "ai_gateway_settings",
        entityId: orgId,
        // Only hashes of these are stored; they hold no key (only whether one is set).
        before: existing ? auditedState(existing) : undefined,
        after: auditedState(next),
        details: { upstreamHost: new URL(next.upstream_url).host, apiKey: keyChange, fields },
      },
      now,
    );
    return { settings: viewOf(next), created: !existing, changed: true };
  });
}

/** The activity must exist in this organisation and not be archived: a typo is caught now, not at sync. */
async function assertActivityUsable(ctx: AppContext, orgId: string, ref: string): Promise<void> {
  const row = await ctx.db
    .selectFrom("activities")
    .select("status")
    .where("org_id", "=", orgId)
    .where("ref", "=", ref)
    .executeTakeFirst();
  if (!row) {
    throw validationError([
      {
        path: "activityRef",
        rule: "unknown_activity",
        message: "no activity of this organisation has this ref",
      },
    ]);
  }
  if (row.status === "archived") {
    throw validationError([
      { path: "activityRef", rule: "archived_activity", message: "names an archived activity" },
    ]);
  }
}

function safeOpen(
  ctx: AppContext,
  sealed: string,
  options: { use: typeof KEY_USE; aad: string },
): string | null {
  try {
    return openText(ctx.config, sealed, options);
  } catch {
    return null; // unreadable (another secret key): the new key replaces it
  }
}

function sortedOperators(operators: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(operators).sort()) {
    const value = operators[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const COMPARED = {
  upstreamUrl: "upstream_url",
  defaultModel: "default_model",
  activityRef: "activity_ref",
  operators: "operators",
  timeoutMs: "timeout_ms",
} as const;

function changedFields(before: AiGatewaySettingsRow | undefined, after: AiGatewaySettingsRow): string[] {
  return Object.entries(COMPARED)
    .filter(([, column]) => before === undefined || String(before[column]) !== String(after[column]))
    .map(([field]) => field);
}
