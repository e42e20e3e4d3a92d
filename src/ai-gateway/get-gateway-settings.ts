import type { AppContext } from "../app/app-context.ts";
import type { GatewaySettingsView } from "./gateway-settings.schema.ts";
import { type GatewayOrg, readSettingsRow, settingsNotFound, viewOf } from "./gateway-settings-row.ts";

/** An organisation's AI gateway settings without the key (only `apiKeySet`); 404 when there are none. */
export async function getGatewaySettings(
  ctx: AppContext,
  input: { org: GatewayOrg },
): Promise<GatewaySettingsView> {
  const row = await readSettingsRow(ctx.db, input.org.id);
  if (!row) throw settingsNotFound(input.org);
  return viewOf(row);
}
