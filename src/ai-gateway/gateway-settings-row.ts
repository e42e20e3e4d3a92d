import type { Kysely, Transaction } from "kysely";
import type { AiGatewaySettingsRow, Database } from "../db/schema.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import type { GatewaySettingsView } from "./gateway-settings.schema.ts";

/** Who a gateway operation is for: enough of an organisation to scope queries and name it in errors. */
export type GatewayOrg = { id: string; slug: string };

export async function readSettingsRow(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
): Promise<AiGatewaySettingsRow | undefined> {
  return db.selectFrom("ai_gateway_settings").selectAll().where("org_id", "=", orgId).executeTakeFirst();
}

/** The public view of a row: everything but the key, of which only its presence is told. */
export function viewOf(row: AiGatewaySettingsRow): GatewaySettingsView {
  return {
    upstreamUrl: row.upstream_url,
    apiKeySet: row.api_key_sealed !== null,
    defaultModel: row.default_model,
    activityRef: row.activity_ref,
    operators: JSON.parse(row.operators) as GatewaySettingsView["operators"],
    timeoutMs: Number(row.timeout_ms),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit trail hashes of a settings row: no key (only whether one is set), no times. */
export function auditedState(row: AiGatewaySettingsRow) {
  return {
    upstreamUrl: row.upstream_url,
    apiKeySet: row.api_key_sealed !== null,
    defaultModel: row.default_model,
    activityRef: row.activity_ref,
    operators: row.operators,
    timeoutMs: Number(row.timeout_ms),
  };
}

export function settingsNotFound(org: GatewayOrg): AppError {
  return notFound("AI gateway settings", org.slug);
}

/** The gateway route's answer when an organisation has not set its gateway up: the staff must PUT it first. */
export function gatewayNotConfigured(org: GatewayOrg): AppError {
  const message = `the AI gateway of organisation ${org.slug} is not configured`;
  return new AppError("NOT_CONFIGURED", message, {
    userMessage: {
      en: `The AI gateway of organisation "${org.slug}" is not configured: PUT /api/v1/organisations/${org.slug}/ai-gateway first.`,
      fr: `La passerelle IA de l'organisation « ${org.slug} » n'est pas configurée : faites d'abord PUT /api/v1/organisations/${org.slug}/ai-gateway.`,
    },
    details: { feature: "ai-gateway", field: "upstreamUrl" },
  });
}
