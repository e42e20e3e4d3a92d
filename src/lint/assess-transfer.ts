import { ADEQUACY } from "../register/data/adequacy.ts";
import { EEA_COUNTRY_CODES } from "../register/data/eea.ts";
import type { Processor, Transfer } from "../register/model/index.ts";

const ADEQUATE = new Set(ADEQUACY.countries.map((c) => c.code));
const CONDITIONAL = new Map(ADEQUACY.conditional.map((c) => [c.code, c.condition]));

export function isInEea(country: string): boolean {
  return EEA_COUNTRY_CODES.has(country);
}

/**
 * Art. 45: whether a country has an adequacy decision that covers this recipient. The US decision
 * (2023/1795) covers only DPF-certified organisations; the Canadian one covers commercial organisations,
 * which a register's recipients are taken to be.
 */
export function isAdequate(country: string, processor: Processor | undefined): boolean {
  if (ADEQUATE.has(country)) return true;
  const condition = CONDITIONAL.get(country);
  if (condition === "dpf") return processor?.dpfCertified === true;
  return condition === "commercial organisations";
}

export type TransferAssessment = {
  /** The destination countries the register names (the transfer's, its processor's). */
  readonly countries: ReadonlyArray<string>;
  /** A listed transfer with no country is taken to leave the EEA: the register lists it as a transfer. */
  readonly outsideEea: boolean;
  readonly mechanism: Transfer["mechanism"];
  /** Every country outside the EEA has an adequacy decision covering this recipient. */
  readonly adequate: boolean;
};

export function assessTransfer(transfer: Transfer, processor: Processor | undefined): TransferAssessment {
  const countries: string[] = [];
  if (transfer.country) countries.push(transfer.country);
  if (processor?.country && processor.country !== transfer.country) countries.push(processor.country);
  let outsideEea = countries.length === 0;
  let adequate = countries.length > 0;
  for (const country of countries) {
    if (isInEea(country)) continue;
    outsideEea = true;
    if (!isAdequate(country, processor)) adequate = false;
  }
  return {
    countries,
    outsideEea,
    mechanism: transfer.mechanism ?? processor?.transferMechanism,
    adequate,
  };
}
