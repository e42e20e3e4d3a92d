import type { AppContext } from "../app/app-context.ts";
import { openText } from "../crypto/seal.ts";
import { AppError } from "../errors/app-error.ts";
import { type EntityType, type Operator, type OperatorPlan, parseOperator } from "../pii/index.ts";
import { type GatewayOrg, gatewayNotConfigured, readSettingsRow } from "./gateway-settings-row.ts";
import { KEY_USE } from "./put-gateway-settings.ts";

/** What a gateway call needs: where to go, with which key, and what to do with each type found. */
export type GatewayUpstream = {
  /** Base URL without a trailing slash; the call goes to `${baseUrl}/chat/completions`. */
  baseUrl: string;
  apiKey: string | null;
  defaultModel: string | null;
  plan: OperatorPlan;
  timeoutMs: number;
};

/**
 * Reads and opens an organisation's gateway settings for one call (one indexed read and one AES-GCM open:
 * no cache, so a changed or deleted setting applies to the next call). 409 NOT_CONFIGURED without
 * settings, or when the stored key no longer opens (the install's secret key changed).
 */
export async function loadGatewayUpstream(
  ctx: AppContext,
  input: { org: GatewayOrg },
): Promise<GatewayUpstream> {
  const row = await readSettingsRow(ctx.db, input.org.id);
  if (!row) throw gatewayNotConfigured(input.org);
  let apiKey: string | null = null;
  if (row.api_key_sealed !== null) {
    try {
      apiKey = openText(ctx.config, row.api_key_sealed, { use: KEY_USE, aad: input.org.id });
    } catch (cause) {
      throw new AppError("NOT_CONFIGURED", "the stored upstream API key cannot be opened", {
        userMessage: {
          en: "The stored upstream API key cannot be opened (was the secret key changed?): set apiKey again.",
          fr: "La clé d'API amont enregistrée ne peut pas être ouverte (la clé secrète a-t-elle changé ?) : renseignez de nouveau apiKey.",
        },
        details: { feature: "ai-gateway", field: "apiKey" },
        cause,
      });
    }
  }
  const byType: Partial<Record<EntityType, Operator>> = {};
  const specs = JSON.parse(row.operators) as Record<string, string>;
  for (const [type, spec] of Object.entries(specs)) {
    byType[type as EntityType] = parseOperator(spec, `operators.${type}`);
  }
  return {
    baseUrl: row.upstream_url,
    apiKey,
    defaultModel: row.default_model,
    plan: { default: { kind: "pseudonymise" }, byType },
    timeoutMs: Number(row.timeout_ms),
  };
}
