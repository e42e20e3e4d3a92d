import type { Localized } from "../../errors/app-error.ts";
import type { I18nText } from "../../register/model/common.schema.ts";
import type { RequestType } from "../model/request.schema.ts";

/**
 * Whether a right applies to one activity, as far as the register can tell:
 * - `applies`: to every purpose of the activity;
 * - `limited`: to some purposes or data only (the reasons say which, and why not the rest);
 * - `does_not_apply`: the law excludes it for this activity (the reasons cite the article);
 * - `undetermined`: the register lacks the fact the law turns on (usually a purpose's legal basis).
 */
export const APPLICABILITY = ["applies", "limited", "does_not_apply", "undetermined"] as const;
export type Applicability = (typeof APPLICABILITY)[number];

/** One reason, in both languages, each citing the article it rests on. */
export type Reason = Localized;

/** What one right means for one activity. */
export type RightAssessment = {
  right: RequestType;
  /** The article the right rests on (Art. 15, Art. 20...). */
  article: string;
  status: Applicability;
  reasons: readonly Reason[];
};

/** The verdict of one request's right on one activity it concerns. */
export type ActivityAssessment = {
  ref: string;
  name: I18nText;
  status: Applicability;
  reasons: readonly Reason[];
};

/** A request weighed against the register: one verdict per activity it concerns. */
export type RequestAssessment = {
  right: RequestType;
  article: string;
  activities: readonly ActivityAssessment[];
  /** Refs the request names that the register does not hold (a stale request): said, not dropped. */
  unknownRefs: readonly string[];
  /** `applies` when every activity applies, `does_not_apply` when none does, `limited` in between. */
  overall: Applicability;
};
