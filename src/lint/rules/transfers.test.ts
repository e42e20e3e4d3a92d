import assert from "node:assert/strict";
import { test } from "node:test";
import { assessTransfer } from "../assess-transfer.ts";
import type { RecipientInput, TransferInput } from "../testing/make-register.ts";
import { makeProcessor, makeProcessorEntry } from "../testing/make-register.ts";
import { ruleCases } from "../testing/rule-cases.ts";

const internal: RecipientInput = { kind: "internal", name: { fr: "Équipe", en: "Team" } };
const crm: RecipientInput = { kind: "processor", name: { fr: "CRM", en: "CRM" }, processorRef: "crm" };
const crmUs = makeProcessor({ ref: "crm", name: "CRM Inc", country: "US" });
const toCrm = (t: Partial<TransferInput> = {}): TransferInput => ({
  recipient: "CRM Inc",
  processorRef: "crm",
  country: "US",
  ...t,
});
/** An activity that sends data to a US processor, with the given transfers. */
const usCase = (transfers: TransferInput[], processor = crmUs) => ({
  activity: { noTransferOutsideEea: undefined, recipients: [internal, crm], transfers },
  processors: [processor],
});

ruleCases([
  {
    code: "XFER-MECHANISM-MISSING",
    severity: "error",
    name: "a transfer to a non-adequate country, and one to no named country, without a tool",
    bad: {
      activity: {
        noTransferOutsideEea: undefined,
        recipients: [
          internal,
          crm,
          { kind: "processor", name: { fr: "Prestataires", en: "Providers" }, processorRef: "crm" },
        ],
        transfers: [toCrm(), { recipient: "Prestataires" }],
      },
      processors: [crmUs],
    },
    paths: ["activities[0].transfers[0].mechanism", "activities[0].transfers[1].mechanism"],
    // Adequate: Japan; the US for a DPF-certified recipient.
    good: usCase([toCrm(), toCrm({ country: "JP" })], { ...crmUs, dpfCertified: true }),
  },
  {
    code: "XFER-COUNTRY-MISSING",
    severity: "error",
    name: "a transfer that names no country",
    bad: usCase([
      toCrm({
        processorRef: undefined,
        recipient: "CRM",
        country: undefined,
        mechanism: "scc",
        sccModule: "2",
      }),
    ]),
    paths: ["activities[0].transfers[0].country"],
    good: usCase([
      toCrm({
        processorRef: undefined,
        recipient: "CRM",
        country: undefined,
        internationalOrganisation: "OMS",
      }),
    ]),
  },
  {
    code: "XFER-ADEQUACY-INVALID",
    severity: "error",
    name: "adequacy claimed for the US",
    bad: usCase([toCrm({ mechanism: "adequacy" })]),
    paths: ["activities[0].transfers[0].mechanism"],
    good: usCase([toCrm({ country: "CH", mechanism: "adequacy" })], { ...crmUs, country: "CH" }),
  },
  {
    code: "XFER-DPF-NOT-CERTIFIED",
    severity: "error",
    name: "DPF for an uncertified recipient and outside the US",
    bad: usCase([toCrm({ mechanism: "dpf" }), toCrm({ country: "IN", mechanism: "dpf" })], {
      ...crmUs,
      dpfCertified: true,
      country: undefined,
    }),
    paths: ["activities[0].transfers[1].mechanism"],
    good: usCase([toCrm({ mechanism: "dpf" })], { ...crmUs, dpfCertified: true }),
  },
  {
    code: "XFER-DPF-NOT-CERTIFIED",
    severity: "error",
    name: "DPF from the directory for a recipient not recorded as certified",
    bad: usCase([toCrm()], { ...crmUs, transferMechanism: "dpf" }),
    paths: ["activities[0].transfers[0].mechanism"],
  },
  {
    code: "XFER-DEROGATION-UNDOCUMENTED",
    severity: "error",
    name: "compelling legitimate interests without documentation",
    bad: usCase([toCrm({ mechanism: "derogation", derogation: "49.1.2" })]),
    paths: ["activities[0].transfers[0].documentationUrl"],
    good: usCase([
      toCrm({ mechanism: "derogation", derogation: "49.1.2", documentationUrl: "https://example.org/tia" }),
    ]),
  },
  {
    code: "XFER-DEROGATION-UNSPECIFIED",
    severity: "warning",
    name: "a derogation that does not say which",
    bad: usCase([toCrm({ mechanism: "derogation" })]),
    paths: ["activities[0].transfers[0].derogation"],
    good: usCase([toCrm({ mechanism: "derogation", derogation: "49.1.b" })]),
  },
  {
    code: "XFER-SCC-MODULE-MISSING",
    severity: "info",
    name: "SCCs without a module",
    bad: usCase([toCrm({ mechanism: "scc" })]),
    paths: ["activities[0].transfers[0].sccModule"],
    good: usCase([toCrm({ mechanism: "scc", sccModule: "2" })]),
  },
  {
    code: "XFER-CONTRADICTS-NO-TRANSFER",
    severity: "error",
    name: "a transfer declared by an activity that says no data leaves the EU",
    bad: {
      activity: {
        noTransferOutsideEea: true,
        recipients: [internal, crm],
        transfers: [toCrm({ mechanism: "scc", sccModule: "2" })],
      },
      processors: [crmUs],
    },
    paths: ["activities[0].transfers[0]"],
    good: {
      activity: {
        noTransferOutsideEea: true,
        recipients: [internal, crm],
        transfers: [toCrm({ country: "DE" })],
      },
      processors: [{ ...crmUs, country: "DE" }],
    },
  },
  {
    code: "XFER-PROCESSOR-OUTSIDE-EEA",
    severity: "error",
    name: "processors outside the EEA under 'no transfer outside the EU'",
    bad: {
      organisation: { roles: ["controller", "processor"] },
      activity: { noTransferOutsideEea: true, recipients: [internal, crm] },
      processors: [crmUs],
      processorRegister: [makeProcessorEntry({ subProcessors: ["crm"] })],
    },
    paths: ["activities[0].recipients[1]", "processorRegister[0].subProcessors[0]"],
    good: {
      activity: { noTransferOutsideEea: true, recipients: [internal, crm] },
      processors: [{ ...crmUs, country: "IE" }],
    },
  },
  {
    code: "XFER-UNDECLARED",
    severity: "error",
    name: "a recipient outside the EEA that no transfer names",
    bad: usCase([]),
    paths: ["activities[0].recipients[1]"],
    good: usCase([toCrm({ mechanism: "scc", sccModule: "2" })]),
  },
  {
    code: "XFER-RECIPIENT-UNLISTED",
    severity: "error",
    name: "a transfer to a party the recipients do not list",
    bad: {
      activity: {
        noTransferOutsideEea: undefined,
        recipients: [internal],
        transfers: [toCrm({ mechanism: "scc", sccModule: "2" })],
      },
      processors: [crmUs],
    },
    paths: ["activities[0].transfers[0].recipient"],
    // Matched by name, accents and case aside, when no ref is given.
    good: {
      activity: {
        noTransferOutsideEea: undefined,
        recipients: [internal, { kind: "third_country", name: { fr: "Filiale Québec" }, country: "CA" }],
        transfers: [{ recipient: "filiale quebec", country: "CA" }],
      },
    },
  },
]);

test("assessTransfer: EEA destinations are not transfers, unknown ones are", () => {
  assert.equal(
    assessTransfer({ recipient: "x", country: "DE", dataCategories: [] }, undefined).outsideEea,
    false,
  );
  assert.equal(assessTransfer({ recipient: "x", dataCategories: [] }, undefined).outsideEea, true);
  const gb = assessTransfer({ recipient: "x", country: "GB", dataCategories: [] }, undefined);
  assert.deepEqual([gb.outsideEea, gb.adequate], [true, true]);
  const us = assessTransfer({ recipient: "x", country: "US", dataCategories: [] }, undefined);
  assert.deepEqual([us.outsideEea, us.adequate], [true, false]);
});
