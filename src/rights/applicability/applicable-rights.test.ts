import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readDemoRegisters } from "../../demo/read-demo-registers.ts";
import { Activity, type ActivityInput } from "../../register/model/activity.schema.ts";
import { sampleActivity } from "../../testing/fixtures.ts";
import type { RequestType } from "../model/request.schema.ts";
import { applicableRights, assessRight } from "./applicable-rights.ts";
import { applicableRightsItems } from "./applicable-rights-items.ts";
import { assessRequest } from "./assess-request.ts";
import { isDirectMarketingPurpose } from "./is-direct-marketing.ts";

const registers = Object.fromEntries(readDemoRegisters().map((r) => [r.organisation.slug, r]));
const demo = (slug: string, ref: string) => {
  const activity = registers[slug]!.activities.find((a) => a.ref === ref);
  assert.ok(activity, `${slug}/${ref}`);
  return activity;
};
const built = (overrides: Partial<ActivityInput>) => Activity.parse(sampleActivity("hand-built", overrides));
const withBases = (...codes: Array<"6.1.a" | "6.1.b" | "6.1.c" | "6.1.d" | "6.1.e" | "6.1.f" | undefined>) =>
  built({
    purposes: codes.map((code, i) => ({
      main: i === 0,
      description: { fr: `Finalité numéro ${i + 1}`, en: `Purpose number ${i + 1}` },
      ...(code ? { legalBasis: { code } } : {}),
    })),
  });
const reasonsText = (activity: Activity, right: RequestType, lang: "fr" | "en" = "en") =>
  assessRight(activity, right)
    .reasons.map((r) => r[lang])
    .join("\n");

describe("rights per legal basis on the demo registers", () => {
  test("Régis, consent (contact form): portability and withdrawal apply; objection does not, and says why", () => {
    const a = demo("regis", "prospects-formulaire-contact");
    assert.equal(assessRight(a, "portability").status, "applies");
    assert.equal(assessRight(a, "consent_withdrawal").status, "applies");
    const objection = assessRight(a, "objection");
    assert.equal(objection.status, "does_not_apply");
    assert.match(
      objection.reasons[0]!.en,
      /rests on consent \(GDPR Art\. 6\(1\)\(a\)\).*Art\. 21\(1\).*Art\. 7\(3\)/,
    );
    assert.match(
      objection.reasons[0]!.fr,
      /repose sur le consentement \(art\. 6\.1\.a du RGPD\).*21\.1.*7\.3/,
    );
    assert.equal(assessRight(a, "automated_decision_review").status, "does_not_apply");
  });

  test("Régis, legitimate interests (chatbot analysis): portability does not apply (Art. 20(1)), objection does (Art. 21(1))", () => {
    const a = demo("regis", "chatbot-analyse-interactions");
    const portability = assessRight(a, "portability");
    assert.equal(portability.status, "does_not_apply");
    assert.equal(portability.article, "Art. 20");
    assert.match(
      portability.reasons[0]!.en,
      /legitimate interests \(GDPR Art\. 6\(1\)\(f\)\).*only covers automated processing based on consent or a contract \(GDPR Art\. 20\(1\)\)/,
    );
    assert.match(
      portability.reasons[0]!.fr,
      /intérêt légitime \(art\. 6\.1\.f du RGPD\).*consentement ou sur un contrat \(art\. 20\.1 du RGPD\)/,
    );
    assert.equal(assessRight(a, "objection").status, "applies");
    assert.match(reasonsText(a, "objection"), /GDPR Art\. 21\(1\)/);
    assert.equal(assessRight(a, "consent_withdrawal").status, "does_not_apply");
  });

  test("Régis, contract (customer accounts): portability applies, objection does not", () => {
    const a = demo("regis", "clients-comptes-collaborateurs");
    assert.equal(assessRight(a, "portability").status, "applies");
    assert.equal(assessRight(a, "objection").status, "does_not_apply");
    assert.match(reasonsText(a, "objection"), /contract \(GDPR Art\. 6\(1\)\(b\)\)/);
  });

  test("LoGeAs states no legal basis: the register cannot decide, except objection to its prospecting purposes", () => {
    const a = demo("logeas", "gestion-prospects-clients-fournisseurs");
    assert.equal(assessRight(a, "portability").status, "undetermined");
    assert.equal(assessRight(a, "consent_withdrawal").status, "undetermined");
    assert.match(
      reasonsText(a, "portability"),
      /states no legal basis for the purposes "Operations relating to customer management/,
    );
    // "Opérations relatives à la prospection" is direct marketing: objection is always open there (Art. 21(2)).
    const objection = assessRight(a, "objection");
    assert.equal(objection.status, "limited");
    assert.match(
      reasonsText(a, "objection"),
      /"Operations relating to prospecting .*" and "Updating of the prospecting files by the company" are direct marketing.*Art\. 21\(2\)/,
    );
    // The accounting data is kept under the Code de commerce: erasure is limited there (Art. 17(3)(b)).
    const erasure = assessRight(a, "erasure");
    assert.equal(erasure.status, "limited");
    assert.match(reasonsText(a, "erasure", "fr"), /Code de commerce, art\. L123-22.*art\. 17\.3\.b/);
    for (const right of ["access", "rectification", "restriction"] as const) {
      assert.equal(assessRight(a, right).status, "applies", right);
    }
  });

  test("Julie Desk: the consent-based newsletter is direct marketing; the scheduling service makes automated decisions", () => {
    const newsletter = demo("julie-desk", "newsletter");
    assert.equal(assessRight(newsletter, "objection").status, "applies");
    assert.match(reasonsText(newsletter, "objection"), /direct marketing/);
    const withdrawal = assessRight(newsletter, "consent_withdrawal");
    assert.equal(withdrawal.status, "applies");
    assert.match(withdrawal.reasons[0]!.fr, /Modalités de retrait : Ces communications sont désactivables/);

    const service = demo("julie-desk", "service-prise-rendez-vous");
    const review = assessRight(service, "automated_decision_review");
    assert.equal(review.status, "applies");
    assert.match(
      reasonsText(service, "automated_decision_review"),
      /Art\. 22\(3\)[\s\S]*does not say whether the decision has a legal/,
    );
    // Contract and consent purposes, but contacts' data comes from the customer, identity from SSO: not "provided".
    const portability = assessRight(service, "portability");
    assert.equal(portability.status, "limited");
    assert.match(reasonsText(service, "portability"), /not provided by you.*Art\. 20\(1\)/);
    assert.equal(
      assessRight(demo("julie-desk", "newsletter"), "automated_decision_review").status,
      "does_not_apply",
    );
  });

  test("every right of every demo activity has a status and reasons in both languages citing an article", () => {
    for (const register of Object.values(registers)) {
      for (const activity of register.activities) {
        const rights = applicableRights(activity);
        assert.equal(rights.length, 8);
        for (const r of rights) {
          assert.ok(r.reasons.length > 0, `${activity.ref} ${r.right}`);
          for (const reason of r.reasons) {
            assert.match(reason.fr, /art\. \d|article \d/i, `${activity.ref} ${r.right} fr: ${reason.fr}`);
            assert.match(reason.en, /Art\. \d/, `${activity.ref} ${r.right} en: ${reason.en}`);
          }
        }
      }
    }
  });
});

describe("rights per legal basis on hand-built activities", () => {
  test("legal obligation: no erasure (Art. 17(3)(b)) naming the text; no objection, no portability", () => {
    const a = built({
      purposes: [
        {
          main: true,
          description: { fr: "Tenir la comptabilité", en: "Keeping the accounts" },
          legalBasis: { code: "6.1.c", legalReference: "Code de commerce, art. L123-22" },
        },
      ],
    });
    assert.equal(assessRight(a, "erasure").status, "does_not_apply");
    assert.match(
      reasonsText(a, "erasure"),
      /"Keeping the accounts" rests on a legal obligation \(Code de commerce, art\. L123-22\).*Art\. 17\(3\)\(b\)/,
    );
    assert.equal(assessRight(a, "objection").status, "does_not_apply");
    assert.equal(assessRight(a, "portability").status, "does_not_apply");
  });

  test("public task: objection applies (Art. 21(1)); portability excluded (Art. 20(3)); erasure excluded (Art. 17(3)(b))", () => {
    const a = withBases("6.1.e");
    assert.equal(assessRight(a, "objection").status, "applies");
    assert.equal(assessRight(a, "portability").status, "does_not_apply");
    assert.match(reasonsText(a, "portability"), /Art\. 20\(3\)/);
    assert.equal(assessRight(a, "erasure").status, "does_not_apply");
  });

  test("vital interests: neither objection nor portability nor withdrawal; erasure on the Art. 17(1) grounds", () => {
    const a = withBases("6.1.d");
    for (const right of ["objection", "portability", "consent_withdrawal"] as const) {
      assert.equal(assessRight(a, right).status, "does_not_apply", right);
    }
    assert.equal(assessRight(a, "erasure").status, "applies");
  });

  test("mixed purposes give 'limited', naming the purposes each way", () => {
    const a = withBases("6.1.b", "6.1.f");
    const portability = assessRight(a, "portability");
    assert.equal(portability.status, "limited");
    assert.match(portability.reasons[0]!.en, /The purpose "Purpose number 1" rests on a contract/);
    assert.match(portability.reasons[1]!.en, /The purpose "Purpose number 2" rests on legitimate interests/);
    assert.equal(assessRight(a, "objection").status, "limited");
  });

  test("a purpose without basis next to an excluded one is undetermined, not 'does not apply'", () => {
    assert.equal(assessRight(withBases("6.1.c", undefined), "portability").status, "undetermined");
    assert.equal(assessRight(withBases("6.1.a", undefined), "portability").status, "limited");
    assert.equal(assessRight(withBases(), "objection").status, "undetermined");
  });

  test("a marketing purpose on a contract basis still opens objection (Art. 21(2)); detection reads the words", () => {
    const a = built({
      purposes: [
        { main: true, description: { fr: "Exécuter le contrat" }, legalBasis: { code: "6.1.b" } },
        { description: { fr: "Envoyer des offres commerciales par e-mail" }, legalBasis: { code: "6.1.b" } },
      ],
    });
    assert.equal(assessRight(a, "objection").status, "limited");
    assert.equal(isDirectMarketingPurpose({ description: { en: "Direct marketing by post" } }), true);
    assert.equal(
      isDirectMarketingPurpose({ description: { fr: "Opérations relatives à la Prospection" } }),
      true,
    );
    assert.equal(isDirectMarketingPurpose({ description: { en: "Managing prospects' requests" } }), false);
    assert.equal(isDirectMarketingPurpose({ description: { en: "Remarketing-free analytics" } }), false);
  });

  test("explicit consent to sensitive data (Art. 9(2)(a)) opens withdrawal and portability", () => {
    const a = built({
      purposes: [{ main: true, description: { fr: "Suivi" }, legalBasis: { code: "6.1.f" } }],
      sensitiveData: { processed: true, items: [{ category: "health", condition: "9.2.a" }] },
    });
    assert.equal(assessRight(a, "consent_withdrawal").status, "limited");
    assert.equal(assessRight(a, "portability").status, "limited");
    assert.match(reasonsText(a, "portability"), /Art\. 9\(2\)\(a\)/);
  });

  test("health data for care limits erasure (Art. 17(3)(c))", () => {
    const a = built({
      sensitiveData: { processed: true, items: [{ category: "health", condition: "9.2.h" }] },
    });
    assert.equal(assessRight(a, "erasure").status, "limited");
    assert.match(reasonsText(a, "erasure"), /Art\. 17\(3\)\(c\)/);
  });

  test("Art. 22: none, profiling only, no significant effect, authorised by law", () => {
    const none = built({});
    assert.equal(assessRight(none, "automated_decision_review").status, "does_not_apply");
    assert.match(
      reasonsText(none, "automated_decision_review"),
      /records no decision based solely on automated processing/,
    );
    const profiling = built({ automatedDecision: { automatedDecisionMaking: false, profiling: true } });
    assert.match(
      reasonsText(profiling, "automated_decision_review"),
      /profiling, but no decision taken solely/,
    );
    const noEffect = built({
      automatedDecision: { automatedDecisionMaking: true, profiling: false, legalOrSimilarEffect: false },
    });
    assert.equal(assessRight(noEffect, "automated_decision_review").status, "does_not_apply");
    const byLaw = built({
      automatedDecision: {
        automatedDecisionMaking: true,
        profiling: true,
        legalOrSimilarEffect: true,
        exception: "22.2.b",
      },
    });
    assert.equal(assessRight(byLaw, "automated_decision_review").status, "limited");
    const contract = built({
      automatedDecision: {
        automatedDecisionMaking: true,
        profiling: false,
        legalOrSimilarEffect: true,
        exception: "22.2.a",
      },
    });
    assert.equal(assessRight(contract, "automated_decision_review").status, "applies");
    assert.equal(assessRight(contract, "automated_decision_review").reasons.length, 1);
  });
});

describe("assessRequest", () => {
  const regis = registers.regis!;

  test("names activities: one verdict each, unknown refs kept; 'limited' overall across bases", () => {
    const result = assessRequest(
      {
        type: "portability",
        activityRefs: ["prospects-formulaire-contact", "chatbot-analyse-interactions", "gone"],
      },
      regis.activities,
    );
    assert.equal(result.article, "Art. 20");
    assert.deepEqual(
      result.activities.map((a) => [a.ref, a.status]),
      [
        ["prospects-formulaire-contact", "applies"],
        ["chatbot-analyse-interactions", "does_not_apply"],
      ],
    );
    assert.deepEqual(result.unknownRefs, ["gone"]);
    assert.equal(result.overall, "limited");
  });

  test("no refs: every active activity, drafts and archived left out", () => {
    const activities = [
      ...regis.activities,
      Activity.parse(sampleActivity("draft-one", { status: "draft" })),
      Activity.parse(sampleActivity("old-one", { status: "archived" })),
    ];
    const result = assessRequest({ type: "access", activityRefs: [] }, activities);
    assert.deepEqual(
      result.activities.map((a) => a.ref),
      regis.activities.filter((a) => a.status === "active").map((a) => a.ref),
    );
    assert.equal(result.overall, "applies");
    assert.equal(assessRequest({ type: "objection", activityRefs: [] }, []).overall, "undetermined");
  });

  test("all activities excluded gives 'does_not_apply' overall", () => {
    const result = assessRequest(
      { type: "objection", activityRefs: ["prospects-formulaire-contact", "clients-comptes-collaborateurs"] },
      regis.activities,
    );
    assert.equal(result.overall, "does_not_apply");
  });
});

describe("applicableRightsItems", () => {
  test("lists every right with its exceptions by activity, the complaint last", () => {
    const items = applicableRightsItems(
      registers.regis!.activities.filter((a) => a.status === "active"),
      "en",
    );
    const portability = items.find((i) => i.startsWith("Right to data portability"));
    assert.match(portability!, /Does not apply to: Analysis of the interactions with the chatbot/);
    assert.ok(items.some((i) => i.startsWith("Right to withdraw your consent")));
    assert.ok(
      !items.some((i) => i.startsWith("Right not to be subject")),
      "no Art. 22 item without automated decisions",
    );
    assert.match(items.at(-1)!, /Art\. 77/);
    const fr = applicableRightsItems(registers["julie-desk"]!.activities, "fr");
    assert.ok(
      fr.some((i) => i.startsWith("Droit de ne pas faire l'objet") && i.includes("Ne s'applique pas à")),
    );
  });
});
