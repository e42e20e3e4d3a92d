import type { AppContext } from "../../app/app-context.ts";
import { listDocuments } from "../../register/documents/list-documents.ts";
import type { Processor } from "../../register/model/processor.schema.ts";

export type ProcessorTarget = { processor: Processor; activityRefs: string[] };

/**
 * The processors the register lists for the activities a request concerns (all active activities when the
 * request names none): every recipient or transfer that points at the directory of processors, when that
 * entry is an active processor or sub-processor. A mere recipient (kind `recipient`: an authority, a
 * partner that is a controller itself) receives no instruction: Art. 28 binds processors only.
 */
export async function findRequestProcessors(
  ctx: AppContext,
  input: { orgId: string; activityRefs: readonly string[] },
): Promise<Map<string, ProcessorTarget>> {
  const activities = (await listDocuments(ctx, { kind: "activity", orgId: input.orgId })).filter((a) =>
    input.activityRefs.length > 0 ? input.activityRefs.includes(a.ref) : a.data.status === "active",
  );
  const directory = new Map(
    (await listDocuments(ctx, { kind: "processor", orgId: input.orgId, status: "active" })).map((p) => [
      p.ref,
      p.data,
    ]),
  );
  const targets = new Map<string, ProcessorTarget>();
  for (const activity of activities) {
    const refs = [
      ...activity.data.recipients.map((r) => r.processorRef),
      ...activity.data.transfers.map((t) => t.processorRef),
    ];
    for (const ref of refs) {
      if (ref === undefined) continue;
      const processor = directory.get(ref);
      if (!processor || processor.kind === "recipient") continue;
      const target = targets.get(ref) ?? { processor, activityRefs: [] };
      if (!target.activityRefs.includes(activity.ref)) target.activityRefs.push(activity.ref);
      targets.set(ref, target);
    }
  }
  return targets;
}
