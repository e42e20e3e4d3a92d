import { notFound } from "../errors/app-error.ts";
import type { Activity } from "../register/model/activity.schema.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import { TRANSFER_MECHANISMS } from "../register/model/vocabulary.ts";
import { orderedPurposes } from "./build-public-register.ts";
import { legalBasisSpans } from "./describe-legal-basis.ts";
import { retentionRuleText } from "./describe-retention.ts";
import { authoritySpans, rightsContactSpans } from "./describe-rights.ts";
import {
  type Block,
  definitions,
  type GardienDocument,
  gap,
  type Lang,
  link,
  mailto,
  paragraph,
  type Rich,
  type Span,
} from "./document-model.ts";
import { gapAlone, t, tOpt } from "./document-text.ts";
import { latestDate } from "./format-date.ts";
import { countryName, formatAddress, legalIdentity, organisationName } from "./format-identity.ts";
import { labelsFor } from "./labels.ts";
import { policyLabelsFor } from "./labels-policy.ts";

export type NoticeForm = "short" | "long";

export type NoticeOptions = {
  lang: Lang;
  activity: string;
  form?: NoticeForm | undefined;
  /** Where the policy is published; defaults to the organisation's `privacyPolicyUrl`. */
  policyUrl?: string | undefined;
};

/** "For any request about the processing of your data, you can contact dpo@…": the DPO first (Art. 13(1)(b)). */
function contactSentence(register: RegisterFile, lang: Lang): Span[] {
  const p = policyLabelsFor(lang);
  const org = register.organisation;
  const email = org.dpo?.email ?? org.rightsContact?.email;
  return email
    ? [`${p.noticeContact} `, mailto(email), "."]
    : [`${p.noticeContact}${labelsFor(lang).colon}`, ...rightsContactSpans(org, lang)];
}

function policyLink(register: RegisterFile, url: string | undefined, lang: Lang): Span[] {
  const p = policyLabelsFor(lang);
  const text = p.policyLinkText(organisationName(register.organisation));
  return url ? [link(url, text)] : [`${text} — `, gap(p.policyLinkMissing)];
}

function noticePurpose(activity: Activity, lang: Lang): Rich {
  const stated = tOpt(activity.notice?.purpose, lang);
  if (stated) return stated;
  const main = orderedPurposes(activity)[0];
  return main ? t(main.description, lang) : [gapAlone(labelsFor(lang).notStated)];
}

/** The second layer: the Art. 13 facts of the activity, one line each. */
function longFacts(register: RegisterFile, activity: Activity, lang: Lang): Block {
  const l = labelsFor(lang);
  const p = policyLabelsFor(lang);
  const org = register.organisation;
  const address = formatAddress(org.address, lang);
  const purposes: Rich[] = orderedPurposes(activity).map((x) => [
    `${t(x.description, lang)} — `,
    ...legalBasisSpans(x.legalBasis, lang),
  ]);
  const recipients: Rich[] = activity.recipients.map((r) => t(r.name, lang));
  if (activity.noThirdPartySharing) recipients.push(l.noThirdPartySharing);
  const retention: Rich[] = activity.retention.rules.map((r) => retentionRuleText(r, lang));
  const transfers: Rich[] = activity.transfers.length
    ? activity.transfers.map(
        (tr): Rich => [
          `${tr.recipient} (`,
          tr.country ? countryName(tr.country, lang) : gap(l.countryMissing),
          ") — ",
          tr.mechanism ? TRANSFER_MECHANISMS[tr.mechanism][lang] : gap(l.safeguardMissing),
        ],
      )
    : [activity.noTransferOutsideEea ? l.noTransfer : [gapAlone(l.transfersUnknown)]];
  const none = (items: Rich[], gapText: string): Rich[] => (items.length ? items : [[gapAlone(gapText)]]);
  const items: { term: string; details: readonly Rich[] }[] = [
    { term: l.controller, details: [address ? `${legalIdentity(org)}, ${address}` : legalIdentity(org)] },
    { term: l.purposes, details: none(purposes, l.notStated) },
    { term: l.recipients, details: none(recipients, l.recipientsNone) },
    { term: l.retention, details: none(retention, l.retentionNotDefined) },
    { term: l.transfers, details: transfers },
  ];
  const automated = activity.automatedDecision;
  if (automated.automatedDecisionMaking || automated.profiling) {
    items.push({ term: l.automated, details: [tOpt(automated.description, lang) ?? l.yes] });
  }
  items.push(
    { term: p.yourRights, details: [p.rightsShort] },
    { term: p.contact, details: [contactSentence(register, lang)] },
    { term: p.authority, details: [authoritySpans(org, lang)] },
  );
  return definitions(items);
}

/**
 * The information notice shown where data is collected (model: the e-mail signature table of the Julie Desk
 * guide): the purpose in one sentence, what not to send, the link to the privacy policy and the DPO contact. The
 * long form adds the Art. 13 facts of the activity (controller, purposes and bases, recipients, retention,
 * transfers, rights, complaint).
 *
 * @example buildInformationNotice(register, { lang: "fr", activity: "newsletter", form: "short" })
 */
export function buildInformationNotice(register: RegisterFile, options: NoticeOptions): GardienDocument {
  const { lang } = options;
  const p = policyLabelsFor(lang);
  const org = register.organisation;
  const activity = register.activities.find((a) => a.ref === options.activity);
  if (!activity) throw notFound("activity", options.activity);
  const form = options.form ?? "short";
  const doNotSend = tOpt(activity.notice?.doNotSend, lang);
  const blocks: Block[] = [paragraph(noticePurpose(activity, lang))];
  if (doNotSend) blocks.push(paragraph(doNotSend));
  if (form === "long") blocks.push(longFacts(register, activity, lang));
  blocks.push(paragraph(policyLink(register, options.policyUrl ?? org.privacyPolicyUrl, lang)));
  if (form === "short") blocks.push(paragraph(contactSentence(register, lang)));
  const updated = latestDate([activity.createdOn, activity.updatedOn]);
  return {
    format: "gardien-document",
    version: 1,
    kind: "notice",
    lang,
    title: form === "long" ? p.noticeLongTitle(t(activity.name, lang)) : p.noticeTitle,
    organisation: { slug: org.slug, name: organisationName(org) },
    ...(updated ? { registerUpdatedOn: updated } : {}),
    blocks,
    sections: [],
  };
}
