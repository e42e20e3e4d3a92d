import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { ConfigSchema } from "../../config/config.schema.ts";
import { Organisation } from "../../register/model/organisation.schema.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { sealAssignee } from "../requests/request-record.ts";
import { RightsSettings } from "../settings/rights-settings.ts";
import { reminderRecipients } from "./reminder-recipients.ts";

const config = ConfigSchema.parse({ secretKey: randomBytes(32).toString("base64"), loadDemo: false });

test("assignee, then the DPO (else the rights contact), then notified staff, each address once", () => {
  const withDpo = Organisation.parse({ ...sampleOrganisation("acme"), dpo: { email: "dpo@acme.example" } });
  const settings = RightsSettings.parse({ notifyEmails: ["ops@acme.example", "DPO@acme.example"] });
  assert.deepEqual(
    reminderRecipients({
      config,
      requestId: "r1",
      assigneeSealed: sealAssignee(config, "r1", "lea@acme.example"),
      organisation: withDpo,
      settings,
    }),
    ["lea@acme.example", "dpo@acme.example", "ops@acme.example"],
  );
  const withoutDpo = Organisation.parse(sampleOrganisation("acme"));
  assert.deepEqual(
    reminderRecipients({
      config,
      requestId: "r1",
      // An assignment that is a name, not an address, is not mailed.
      assigneeSealed: sealAssignee(config, "r1", "Léa Dupont"),
      organisation: withoutDpo,
      settings: RightsSettings.parse({}),
    }),
    ["privacy@example.org"],
  );
  const nobody = Organisation.parse({ ...sampleOrganisation("acme"), rightsContact: undefined });
  assert.deepEqual(
    reminderRecipients({
      config,
      requestId: "r1",
      assigneeSealed: null,
      organisation: nobody,
      settings: RightsSettings.parse({}),
    }),
    [],
  );
});
