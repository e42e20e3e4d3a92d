import { AppError, type ValidationIssue, validationError } from "../../errors/app-error.ts";
import type { Activity } from "../../register/model/activity.schema.ts";
import { concernedActivities } from "../applicability/assess-request.ts";
import { hasReasons, type LetterReasons } from "../letters/letter-reasons.ts";
import type { DataSubjectRequest, RequestOutcome } from "../model/request.schema.ts";
import { PACKAGE_REQUEST_TYPES } from "../package/add-package-data.ts";

/** Outcomes that must say why (Art. 12(4) for refused and no action; what was not done for partly granted). */
export const OUTCOMES_WITH_REASONS: readonly RequestOutcome[] = ["partly_granted", "refused", "no_action"];

/**
 * The rules an answer must meet before anything is written: reasons where the law wants them, reasons only
 * for activities the request concerns, a package only with an access or portability answer that grants
 * something, and no data handed over to someone whose identity is not established (Art. 12(6)).
 */
export function checkAnswer(input: {
  request: DataSubjectRequest;
  activities: readonly Activity[];
  outcome: RequestOutcome;
  reasons: LetterReasons | undefined;
  includePackage: boolean | undefined;
}): void {
  const issues: ValidationIssue[] = [];
  if (OUTCOMES_WITH_REASONS.includes(input.outcome) && !hasReasons(input.reasons)) {
    issues.push({
      path: "reasons",
      rule: "required_for_outcome",
      message: `an answer "${input.outcome}" must give its reasons (overall or per activity)`,
    });
  }
  const concerned = new Set(
    concernedActivities(input.request.activityRefs, input.activities).activities.map((a) => a.ref),
  );
  for (const ref of Object.keys(input.reasons?.activities ?? {})) {
    if (!concerned.has(ref)) {
      issues.push({
        path: `reasons.activities.${ref}`,
        rule: "concerned_activity",
        message: "must be an activity the request concerns",
      });
    }
  }
  if (input.includePackage === true && !PACKAGE_REQUEST_TYPES.includes(input.request.type)) {
    issues.push({
      path: "includePackage",
      rule: "package_request_type",
      message: "only access and portability answers carry a data package",
    });
  }
  if (input.includePackage === true && (input.outcome === "refused" || input.outcome === "no_action")) {
    issues.push({
      path: "includePackage",
      rule: "package_outcome",
      message: "a refused or no-action answer carries no data package",
    });
  }
  if (issues.length) throw validationError(issues);
  const grants = input.outcome === "granted" || input.outcome === "partly_granted";
  const identity = input.request.identityStatus;
  if (grants && (identity === "pending" || identity === "more_info_requested")) {
    throw new AppError(
      "CONFLICT",
      `identity is ${identity}: a request cannot be granted before it is established`,
      {
        userMessage: {
          fr: "L'identité du demandeur n'est pas encore établie : la demande ne peut pas être satisfaite (art. 12.6 du RGPD). Vérifiez-la, ou répondez « refused » ou « no_action » avec vos motifs.",
          en: "The requester's identity is not established yet: the request cannot be granted (GDPR Art. 12(6)). Verify it, or answer refused or no_action with your reasons.",
        },
        details: { rule: "identity_not_verified", identityStatus: identity },
      },
    );
  }
}

export function packageEmpty(): AppError {
  return new AppError(
    "CONFLICT",
    "includePackage is true but nothing was attached or posted for the package",
    {
      userMessage: {
        fr: "Rien n'a été joint ni envoyé pour le paquet de données : ajoutez des données (purpose « package » ou POST …/data) ou répondez sans paquet.",
        en: "Nothing was attached or posted for the data package: add data (purpose package, or POST …/data) or answer without a package.",
      },
      details: { rule: "package_empty", path: "includePackage" },
    },
  );
}
