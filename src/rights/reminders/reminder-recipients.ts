import type { Config } from "../../config/config.schema.ts";
import { openText } from "../../crypto/seal.ts";
import type { Organisation } from "../../register/model/organisation.schema.ts";
import { publicBaseUrl } from "../../subscriptions/public-base-url.ts";
import type { RightsSettings } from "../settings/rights-settings.ts";

// Loose on purpose: the address was validated where it was entered; this only tells an address from a name.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Who is reminded of a request: its assignee (when the assignment is an address), the DPO — the register's
 * `dpo.email`, else its `rightsContact.email` — and the settings' `notifyEmails`. Each address once.
 */
export function reminderRecipients(input: {
  config: Config;
  requestId: string;
  assigneeSealed: string | null;
  organisation: Organisation;
  settings: RightsSettings;
}): string[] {
  const addresses: string[] = [];
  if (input.assigneeSealed) {
    const assignee = openText(input.config, input.assigneeSealed, {
      use: "requester-identity",
      aad: `${input.requestId}:assignee`,
    }).trim();
    if (EMAIL.test(assignee)) addresses.push(assignee);
  }
  const dpo = input.organisation.dpo?.email ?? input.organisation.rightsContact?.email;
  if (dpo) addresses.push(dpo);
  addresses.push(...input.settings.notifyEmails);
  const seen = new Set<string>();
  return addresses.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where a mail to staff sends them: the request in the staff API. */
export function staffRequestUrl(config: Config, slug: string, requestId: string): string {
  return `${publicBaseUrl(config)}/api/v1/organisations/${slug}/requests/${requestId}`;
}
