import type { Activity, Processor, ProcessorEntry, RegisterFile, Transfer } from "../register/model/index.ts";
import type { LintContext } from "./lint-types.ts";

export type ActivityAt = { readonly activity: Activity; readonly index: number; readonly path: string };
export type EntryAt = { readonly entry: ProcessorEntry; readonly index: number; readonly path: string };

/**
 * The activities the register still carries out. An archived activity is history: Art. 30 describes the
 * processing that takes place, so the rules skip it.
 */
export function* liveActivities(register: RegisterFile): Generator<ActivityAt> {
  const list = register.activities;
  for (let index = 0; index < list.length; index++) {
    const activity = list[index]!;
    if (activity.status !== "archived") yield { activity, index, path: `activities[${index}]` };
  }
}

/** The processor-register entries (Art. 30(2)) still in force. */
export function* liveProcessorEntries(register: RegisterFile): Generator<EntryAt> {
  const list = register.processorRegister;
  for (let index = 0; index < list.length; index++) {
    const entry = list[index]!;
    if (entry.status !== "archived") yield { entry, index, path: `processorRegister[${index}]` };
  }
}

/** A transfer of an activity (Art. 30(1)(e)) or of a processor-register entry (Art. 30(2)(c)). */
export type TransferAt = {
  readonly transfer: Transfer;
  readonly path: string;
  /** The ref of the activity or entry that declares it. */
  readonly ownerRef: string;
  readonly noTransferOutsideEea: boolean | undefined;
  readonly processor: Processor | undefined;
};

export function* liveTransfers(register: RegisterFile, context: LintContext): Generator<TransferAt> {
  const owners: Array<{ ref: string; path: string; transfers: Transfer[]; noTransferOutsideEea?: boolean }> =
    [];
  for (const { activity, path } of liveActivities(register)) owners.push({ ...pick(activity), path });
  for (const { entry, path } of liveProcessorEntries(register)) owners.push({ ...pick(entry), path });
  for (const owner of owners) {
    for (let k = 0; k < owner.transfers.length; k++) {
      const transfer = owner.transfers[k]!;
      const processor =
        transfer.processorRef === undefined
          ? undefined
          : context.processors.get(transfer.processorRef)?.processor;
      yield {
        transfer,
        path: `${owner.path}.transfers[${k}]`,
        ownerRef: owner.ref,
        noTransferOutsideEea: owner.noTransferOutsideEea,
        processor,
      };
    }
  }
}

function pick(owner: Activity | ProcessorEntry) {
  return { ref: owner.ref, transfers: owner.transfers, noTransferOutsideEea: owner.noTransferOutsideEea };
}
