/**
 * The European Economic Area: the 27 EU Member States plus Iceland, Liechtenstein and Norway (EEA Agreement).
 * Chapter V (Art. 44–49) applies to a transfer to any country outside this list. ISO 3166-1 alpha-2 codes:
 * Greece is GR here, not the EU's own "EL".
 */
export const EEA = {
  asOf: "2026-01-15",
  source: "EU Member States (TEU Art. 52) and EEA Agreement (Iceland, Liechtenstein, Norway)",
  eu: [
    "AT",
    "BE",
    "BG",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GR",
    "HR",
    "HU",
    "IE",
    "IT",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
  ],
  efta: ["IS", "LI", "NO"],
} as const;

/** The 30 EEA country codes, for lookups. */
export const EEA_COUNTRY_CODES: ReadonlySet<string> = new Set<string>([...EEA.eu, ...EEA.efta]);
