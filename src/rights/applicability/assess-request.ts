import type { Activity } from "../../register/model/activity.schema.ts";
import type { RequestType } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";
import type { ActivityAssessment, Applicability, RequestAssessment } from "./applicability.types.ts";
import { assessRight } from "./applicable-rights.ts";

/**
 * The activities a request concerns: those it names (whatever their status: a person may ask about an
 * activity since archived), else every active activity of the register.
 */
export function concernedActivities(
  activityRefs: readonly string[],
  activities: readonly Activity[],
): { activities: Activity[]; unknownRefs: string[] } {
  if (activityRefs.length === 0)
    return { activities: activities.filter((a) => a.status === "active"), unknownRefs: [] };
  const byRef = new Map(activities.map((a) => [a.ref, a]));
  const found: Activity[] = [];
  const unknownRefs: string[] = [];
  for (const ref of new Set(activityRefs)) {
    const activity = byRef.get(ref);
    if (activity) found.push(activity);
    else unknownRefs.push(ref);
  }
  return { activities: found, unknownRefs };
}

function overallOf(statuses: readonly Applicability[]): Applicability {
  if (statuses.length === 0) return "undetermined";
  if (statuses.every((s) => s === "applies")) return "applies";
  if (statuses.every((s) => s === "does_not_apply")) return "does_not_apply";
  if (statuses.every((s) => s === "undetermined" || s === "does_not_apply")) return "undetermined";
  return "limited";
}

/**
 * Weighs a request against the register: for each activity it concerns (its `activityRefs`, or all active
 * activities), whether the right asked for applies, with the reasons a letter gives the person.
 *
 * @example assessRequest({ type: "portability", activityRefs: [] }, register.activities).activities[0]?.status
 */
export function assessRequest(
  request: { type: RequestType; activityRefs: readonly string[] },
  activities: readonly Activity[],
): RequestAssessment {
  const concerned = concernedActivities(request.activityRefs, activities);
  const assessed: ActivityAssessment[] = concerned.activities.map((activity) => {
    const { status, reasons } = assessRight(activity, request.type);
    return { ref: activity.ref, name: activity.name, status, reasons };
  });
  return {
    right: request.type,
    article: REQUEST_TYPE_INFO[request.type].article,
    activities: assessed,
    unknownRefs: concerned.unknownRefs,
    overall: overallOf(assessed.map((a) => a.status)),
  };
}
