import type { GardienDocument } from "../documents/document-model.ts";
import { buildDocument } from "../documents/render-document.ts";
import { notFound } from "../errors/app-error.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import type { Lang } from "./negotiate-language.ts";

/** The documents an organisation publishes, by their URL segment. `activity` is the CNIL sheet of one activity. */
export const PUBLIC_PAGES = ["register", "privacy", "notice", "processor-register", "activity"] as const;
export type PublicPage = (typeof PUBLIC_PAGES)[number];

/** Only active activities are public: drafts are work in progress, archived ones are history. */
export function publicActivities(register: RegisterFile) {
  return register.activities.filter((a) => a.status === "active");
}

/**
 * The document model of one public page of a published register. The notice page gathers the long
 * information notice of every active activity, one section each (`#notice-<ref>`), so a form can link to its own.
 */
export function buildPublicDocument(
  register: RegisterFile,
  input: { page: PublicPage; lang: Lang; ref?: string | undefined; policyUrl?: string | undefined },
): GardienDocument {
  const { lang } = input;
  switch (input.page) {
    case "activity": {
      const ref = input.ref ?? "";
      if (!publicActivities(register).some((a) => a.ref === ref)) throw notFound("activity", ref);
      return buildDocument(register, { doc: "sheet", lang, activity: ref });
    }
    case "notice": {
      const notices = publicActivities(register).map((a) =>
        buildDocument(register, {
          doc: "notice",
          lang,
          activity: a.ref,
          notice: "long",
          ...(register.organisation.privacyPolicyUrl || !input.policyUrl
            ? {}
            : { policyUrl: input.policyUrl }),
        }),
      );
      const base = buildDocument(register, { doc: "register", lang });
      return {
        ...base,
        kind: "notice",
        title: lang === "fr" ? "Mentions d'information" : "Information notices",
        blocks: [],
        sections: notices.map((n, i) => ({
          id: `notice-${publicActivities(register)[i]?.ref ?? i}`,
          title: n.title,
          blocks: n.blocks,
          sections: n.sections,
        })),
      };
    }
    default:
      return buildDocument(register, { doc: input.page, lang });
  }
}
