/**
 * Countries the European Commission recognises as giving adequate protection (Art. 45), as dated data:
 * the list changes by Commission decision, so it is kept here with its date and source rather than in rules.
 * Update `asOf` with every change.
 */
export type AdequacyCondition = "dpf" | "commercial organisations";

export type AdequacyList = {
  readonly asOf: string;
  readonly source: string;
  readonly countries: ReadonlyArray<{ readonly code: string; readonly note?: string }>;
  /** Countries whose adequacy covers only some recipients. */
  readonly conditional: ReadonlyArray<{ readonly code: string; readonly condition: AdequacyCondition }>;
  readonly internationalOrganisations: ReadonlyArray<{ readonly name: string }>;
};

export const ADEQUACY: AdequacyList = {
  asOf: "2026-01-15",
  source:
    "European Commission, adequacy decisions under Art. 45 GDPR (commission.europa.eu, 'Adequacy decisions')",
  countries: [
    { code: "AD" },
    { code: "AR" },
    { code: "CH" },
    { code: "FO" },
    { code: "GB", note: "Adequacy renewed until 2031" },
    { code: "GG" },
    { code: "IL" },
    { code: "IM" },
    { code: "JE" },
    { code: "JP" },
    { code: "KR" },
    { code: "NZ" },
    { code: "UY" },
  ],
  conditional: [
    // Decision 2023/1795: only organisations certified under the EU-US Data Privacy Framework.
    { code: "US", condition: "dpf" },
    // Decision 2002/2/EC: only recipients subject to PIPEDA (commercial organisations).
    { code: "CA", condition: "commercial organisations" },
  ],
  internationalOrganisations: [{ name: "European Patent Organisation" }],
};
