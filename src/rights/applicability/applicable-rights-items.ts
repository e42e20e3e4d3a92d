import type { Lang } from "../../documents/document-model.ts";
import { joinWords, t } from "../../documents/document-text.ts";
import { policyLabelsFor } from "../../documents/labels-policy.ts";
import type { Activity } from "../../register/model/activity.schema.ts";
import type { RequestType } from "../model/request.schema.ts";
import type { Applicability } from "./applicability.types.ts";
import { assessRight } from "./applicable-rights.ts";

const SENTENCE: Readonly<Record<RequestType, keyof ReturnType<typeof policyLabelsFor>>> = {
  access: "rightAccess",
  rectification: "rightRectification",
  erasure: "rightErasure",
  restriction: "rightRestriction",
  objection: "rightObjection",
  portability: "rightPortability",
  consent_withdrawal: "rightWithdraw",
  automated_decision_review: "rightAutomated",
};

const WORDS = {
  fr: {
    notFor: (names: string) => `Ne s'applique pas à : ${names}.`,
    partlyFor: (names: string) => `S'applique en partie à : ${names}.`,
    unknownFor: (names: string) => `Examiné au cas par cas pour : ${names}.`,
  },
  en: {
    notFor: (names: string) => `Does not apply to: ${names}.`,
    partlyFor: (names: string) => `Applies in part to: ${names}.`,
    unknownFor: (names: string) => `Examined case by case for: ${names}.`,
  },
} as const;

/**
 * The rights of a person over a set of activities, one list item each, in the words of the privacy policy
 * (src/documents/labels-policy.ts), followed by the activities to which the register says a right does not
 * apply, or applies in part. Withdrawal of consent and the Art. 22 right are listed only where some activity
 * gives them, as `rightsItems` in src/documents/describe-rights.ts does; the complaint to the authority closes
 * the list. Meant for the access answer (Art. 15(1)(e)-(f)) and, later, the privacy policy.
 *
 * @example applicableRightsItems(register.activities, "en")[5] // "Right to data portability (Art. 20)… Does not apply to: Chatbot analysis."
 */
export function applicableRightsItems(activities: readonly Activity[], lang: Lang): string[] {
  const p = policyLabelsFor(lang);
  const w = WORDS[lang];
  const items: string[] = [];
  for (const right of Object.keys(SENTENCE) as RequestType[]) {
    const verdicts = activities.map((a) => ({ name: t(a.name, lang), status: assessRight(a, right).status }));
    const optional = right === "consent_withdrawal" || right === "automated_decision_review";
    if (optional && !verdicts.some((v) => v.status === "applies" || v.status === "limited")) continue;
    const names = (status: Applicability) =>
      joinWords(
        verdicts.filter((v) => v.status === status).map((v) => v.name),
        lang,
      );
    let text = String(p[SENTENCE[right]]);
    // Only where the right reaches some activities and not others is a list of exceptions worth reading.
    if (verdicts.some((v) => v.status !== "applies")) {
      const not = names("does_not_apply");
      const partly = names("limited");
      const unknown = names("undetermined");
      if (not) text += ` ${w.notFor(not)}`;
      if (partly) text += ` ${w.partlyFor(partly)}`;
      if (unknown) text += ` ${w.unknownFor(unknown)}`;
    }
    items.push(text);
  }
  items.push(p.rightComplaint);
  return items;
}
