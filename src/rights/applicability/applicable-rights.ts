import { dataCategoryName } from "../../documents/describe-data-categories.ts";
import { joinWords } from "../../documents/document-text.ts";
import { formatRetentionPeriod } from "../../documents/format-duration.ts";
import type { Activity, Purpose } from "../../register/model/activity.schema.ts";
import { REQUEST_TYPES, type RequestType } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";
import type { Applicability, Reason, RightAssessment } from "./applicability.types.ts";
import { purposeName, purposesSubject, type Subject, TEXT } from "./applicability-text.ts";
import { isDirectMarketingPurpose } from "./is-direct-marketing.ts";

/**
 * One purpose's answer to "does the right reach it?": yes, no, or the register cannot say (no legal basis).
 * Purposes with the same key share one sentence ("Les finalités « A » et « B » reposent sur…").
 */
type Verdict = {
  covered: boolean | null;
  key: string;
  purpose?: Pick<Purpose, "description">;
  reason: (subject: Subject) => Reason;
};

type Outcome = { status: Applicability; reasons: Reason[] };

function unique(reasons: readonly Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => !seen.has(r.en) && seen.add(r.en) !== undefined);
}

/**
 * Purposes' verdicts into the activity's: every purpose reached → applies; none, and none unknown → does not
 * apply; none reached but some unknown → undetermined (an unknown basis may be one the right covers); else limited.
 */
function aggregate(verdicts: readonly Verdict[], article: string, extra: readonly Reason[] = []): Outcome {
  if (verdicts.length === 0) return { status: "undetermined", reasons: [TEXT.noPurpose(article)] };
  const covered = verdicts.filter((v) => v.covered === true).length;
  const unknown = verdicts.filter((v) => v.covered === null).length;
  let status: Applicability;
  if (covered === verdicts.length) status = extra.length ? "limited" : "applies";
  else if (covered === 0) status = unknown ? "undetermined" : "does_not_apply";
  else status = "limited";
  const groups = new Map<string, { verdict: Verdict; names: ReturnType<typeof purposeName>[] }>();
  for (const v of verdicts) {
    const group = groups.get(v.key) ?? { verdict: v, names: [] };
    if (v.purpose) group.names.push(purposeName(v.purpose));
    groups.set(v.key, group);
  }
  const reasons = [...groups.values()].map((g) => g.verdict.reason(purposesSubject(g.names)));
  // Limits on data (extra) only matter where the right reaches some purpose.
  return { status, reasons: unique([...reasons, ...(covered > 0 ? extra : [])]) };
}

const article = (right: RequestType) => REQUEST_TYPE_INFO[right].article;

function missing(purpose: Purpose, right: RequestType): Verdict {
  return { covered: null, key: "missing", purpose, reason: (s) => TEXT.basisMissing(s, article(right)) };
}

function byBasis(purpose: Purpose, covered: boolean, key: string, reason: (s: Subject) => Reason): Verdict {
  return { covered, key, purpose, reason };
}

function categoryNames(activity: Activity, ids: readonly string[]): Reason {
  const named = (lang: "fr" | "en") => {
    const names = ids.map((id) => {
      const dc = activity.dataCategories.find((d) => d.id === id);
      return dc ? dataCategoryName(dc, activity, lang) : id;
    });
    const text = joinWords(names, lang);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return { fr: named("fr"), en: named("en") };
}

/** Art. 17(3): erasure yields to a legal obligation or public task, to retention the law imposes, to health and research. */
function erasure(activity: Activity): Outcome {
  const verdicts: Verdict[] = activity.purposes.map((p) => {
    const basis = p.legalBasis;
    if (basis?.code === "6.1.c") {
      return byBasis(p, false, `c:${basis.legalReference}`, (s) => TEXT.erasureLegalObligation(s, basis));
    }
    if (basis?.code === "6.1.e") {
      return byBasis(p, false, `e:${basis.legalReference}`, (s) => TEXT.erasurePublicTask(s, basis));
    }
    return { covered: true, key: "grounds", reason: () => TEXT.erasureGrounds };
  });
  const limits: Reason[] = [];
  for (const rule of activity.retention.rules) {
    if (!rule.legalReference) continue;
    const ids = rule.dataCategories.length ? rule.dataCategories : activity.dataCategories.map((d) => d.id);
    const fr = formatRetentionPeriod(rule, "fr");
    const en = formatRetentionPeriod(rule, "en");
    if (!fr || !en || ids.length === 0) continue;
    limits.push(TEXT.erasureKeptByLaw(categoryNames(activity, ids), { fr, en }, rule.legalReference));
  }
  for (const item of activity.sensitiveData.items) {
    if (item.condition === "9.2.h" || item.condition === "9.2.i")
      limits.push(TEXT.erasureSensitive["17.3.c"]);
    if (item.condition === "9.2.j") limits.push(TEXT.erasureSensitive["17.3.d"]);
    if (item.condition === "9.2.f") limits.push(TEXT.erasureSensitive["17.3.e"]);
  }
  return aggregate(verdicts, article("erasure"), limits);
}

/** Art. 21: (1) public task and legitimate interests, on grounds of the person's situation; (2) marketing, always. */
function objection(activity: Activity): Outcome {
  const verdicts = activity.purposes.map((p): Verdict => {
    if (isDirectMarketingPurpose(p)) return byBasis(p, true, "marketing", TEXT.objectionMarketing);
    const code = p.legalBasis?.code;
    if (!code) return missing(p, "objection");
    if (code === "6.1.e" || code === "6.1.f")
      return byBasis(p, true, code, (s) => TEXT.objectionCovered(s, code));
    return byBasis(p, false, code, (s) => TEXT.objectionNotCovered(s, code));
  });
  return aggregate(verdicts, article("objection"));
}

/** Data the person did not provide: obtained from a third party, a public source, or the organisation's client. */
const NOT_PROVIDED = new Set(["third_party", "public", "customer"]);

/** Art. 20(1): consent (or explicit consent, Art. 9(2)(a)) or contract, and automated processing; 20(3): not a public task. */
function portability(activity: Activity): Outcome {
  const verdicts = activity.purposes.map((p): Verdict => {
    const code = p.legalBasis?.code;
    if (!code) return missing(p, "portability");
    if (code === "6.1.a" || code === "6.1.b")
      return byBasis(p, true, code, (s) => TEXT.portabilityCovered(s, code));
    return byBasis(p, false, code, (s) => TEXT.portabilityNotCovered(s, code));
  });
  // Sensitive data under explicit consent is covered too (Art. 20(1)(a) names Art. 9(2)(a)).
  if (activity.sensitiveData.items.some((i) => i.condition === "9.2.a")) {
    verdicts.push({ covered: true, key: "9.2.a", reason: () => TEXT.portabilityExplicitConsent });
  }
  const obtained = activity.dataCategories.filter((d) => d.source && NOT_PROVIDED.has(d.source.kind));
  const limits = obtained.length
    ? [
        TEXT.portabilityNotProvided(
          categoryNames(
            activity,
            obtained.map((d) => d.id),
          ),
        ),
      ]
    : [];
  return aggregate(verdicts, article("portability"), limits);
}

/** Art. 7(3): only consent (Art. 6(1)(a), or explicit consent under Art. 9(2)(a)) can be withdrawn. */
function consentWithdrawal(activity: Activity): Outcome {
  const verdicts = activity.purposes.map((p): Verdict => {
    const code = p.legalBasis?.code;
    if (!code) return missing(p, "consent_withdrawal");
    if (code !== "6.1.a") return byBasis(p, false, code, (s) => TEXT.consentNotCovered(s, code));
    const how = p.legalBasis?.consent?.withdrawal;
    const pairHow = how ? { fr: how.fr ?? how.en ?? "", en: how.en ?? how.fr ?? "" } : undefined;
    return byBasis(p, true, `a:${pairHow?.en ?? ""}`, (s) => TEXT.consentCovered(s, pairHow));
  });
  if (activity.sensitiveData.items.some((i) => i.condition === "9.2.a")) {
    verdicts.push({ covered: true, key: "9.2.a", reason: () => TEXT.consentExplicit });
  }
  return aggregate(verdicts, article("consent_withdrawal"));
}

/** Art. 22: only decisions based solely on automated processing with legal or similarly significant effects. */
function automatedDecisionReview(activity: Activity): Outcome {
  const ad = activity.automatedDecision;
  if (!ad.automatedDecisionMaking) {
    return {
      status: "does_not_apply",
      reasons: [ad.profiling ? TEXT.automatedProfilingOnly : TEXT.automatedNone],
    };
  }
  if (ad.legalOrSimilarEffect === false)
    return { status: "does_not_apply", reasons: [TEXT.automatedNoEffect] };
  const reasons: Reason[] = [TEXT.automatedApplies];
  if (ad.legalOrSimilarEffect === undefined) reasons.push(TEXT.automatedEffectUnstated);
  if (ad.exception === "22.2.b") return { status: "limited", reasons: [...reasons, TEXT.automatedByLaw] };
  return { status: "applies", reasons };
}

const RULES: Readonly<Record<RequestType, (activity: Activity) => Outcome>> = {
  access: () => ({ status: "applies", reasons: [TEXT.accessAlways] }),
  rectification: () => ({ status: "applies", reasons: [TEXT.rectificationAlways] }),
  erasure,
  restriction: () => ({ status: "applies", reasons: [TEXT.restrictionAlways] }),
  objection,
  portability,
  consent_withdrawal: consentWithdrawal,
  automated_decision_review: automatedDecisionReview,
};

/** What one right means for one activity of the register, with the reasons (FR/EN, each citing its article). */
export function assessRight(activity: Activity, right: RequestType): RightAssessment {
  const { status, reasons } = RULES[right](activity);
  return { right, article: article(right), status, reasons };
}

/**
 * Every right of a data subject (Arts. 15–22 and 7(3)) for one activity, decided from what the register says
 * of it: the legal basis of each purpose (Art. 6(1)), sensitive data conditions (Art. 9(2)), retention imposed
 * by law, automated decisions (Art. 22). Access, rectification and restriction always apply; portability only
 * for consent and contract (Art. 20(1)); objection for public task and legitimate interests (Art. 21(1)) and
 * always for direct marketing (Art. 21(2)); erasure yields to Art. 17(3); withdrawal needs consent; Art. 22
 * review needs an automated decision.
 *
 * @example applicableRights(activity).find((r) => r.right === "portability")?.status // "does_not_apply" for a 6.1.f activity
 */
export function applicableRights(activity: Activity): RightAssessment[] {
  return REQUEST_TYPES.map((right) => assessRight(activity, right));
}
