import type { Rule } from "../lint-types.ts";
import { CONTROLLER_REGISTER_RULES } from "./controller-register.ts";
import { DPIA_RULES } from "./dpia.ts";
import { HOUSEKEEPING_RULES } from "./housekeeping.ts";
import { LEGAL_BASIS_RULES } from "./legal-basis.ts";
import { ORGANISATION_RULES } from "./organisation.ts";
import { PROCESSOR_REGISTER_RULES } from "./processor-register.ts";
import { PROCESSOR_RULES } from "./processors.ts";
import { RECIPIENT_RULES } from "./recipients.ts";
import { RETENTION_RULES } from "./retention.ts";
import { SENSITIVE_DATA_RULES } from "./sensitive-data.ts";
import { TRANSFER_CONSISTENCY_RULES } from "./transfer-consistency.ts";
import { TRANSFER_RULES } from "./transfers.ts";

/** Every rule, in catalogue order (by theme). */
export const RULES: ReadonlyArray<Rule> = [
  ...CONTROLLER_REGISTER_RULES,
  ...PROCESSOR_REGISTER_RULES,
  ...LEGAL_BASIS_RULES,
  ...SENSITIVE_DATA_RULES,
  ...RETENTION_RULES,
  ...RECIPIENT_RULES,
  ...PROCESSOR_RULES,
  ...TRANSFER_RULES,
  ...TRANSFER_CONSISTENCY_RULES,
  ...DPIA_RULES,
  ...ORGANISATION_RULES,
  ...HOUSEKEEPING_RULES,
];
