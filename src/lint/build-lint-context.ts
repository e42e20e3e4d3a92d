import type { Processor, RegisterFile } from "../register/model/index.ts";
import type { LintContext } from "./lint-types.ts";

/** Lookups every rule shares, built once so that each rule stays a single pass over the register. */
export function buildLintContext(register: RegisterFile, today: string): LintContext {
  const processors = new Map<string, { processor: Processor; index: number }>();
  register.processors.forEach((processor, index) => {
    processors.set(processor.ref, { processor, index });
  });
  return { today, processors };
}
