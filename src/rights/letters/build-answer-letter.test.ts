import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readDemoRegisters } from "../../demo/read-demo-registers.ts";
import { normalise } from "../../documents/testing/document-text-kit.ts";
import { bodyText, PDFTOTEXT_MISSING, pdfText } from "../../documents/testing/pdf-text-kit.ts";
import {
  REQUEST_OUTCOMES,
  REQUEST_TYPES,
  type RequestOutcome,
  type RequestType,
} from "../model/request.schema.ts";
import { buildAnswerLetter } from "./build-answer-letter.ts";
import { letterHtml, letterMarkdown, renderLetter } from "./render-letter.ts";

const registers = Object.fromEntries(readDemoRegisters().map((r) => [r.organisation.slug, r]));
const regis = registers.regis!;
const julie = registers["julie-desk"]!;

function letter(
  options: {
    type?: RequestType;
    outcome?: RequestOutcome;
    lang?: "fr" | "en";
    register?: typeof regis;
    activityRefs?: string[];
    withReasons?: boolean;
    staffNote?: string;
    name?: string;
  } = {},
) {
  const register = options.register ?? regis;
  return buildAnswerLetter({
    register,
    request: {
      reference: "DSR-2027-0042",
      type: options.type ?? "access",
      lang: options.lang ?? "fr",
      receivedOn: "2027-02-01",
      activityRefs: options.activityRefs ?? [],
      requester: { ...(options.name ? { name: options.name } : {}), email: "jeanne@example.org" },
    },
    outcome: options.outcome ?? "granted",
    date: "2027-02-20",
    ...(options.withReasons === false
      ? {}
      : {
          reasons: {
            overall: { fr: "Motif général de la décision.", en: "Overall reason for the decision." },
            activities: { [register.activities[0]!.ref]: "Motif propre au traitement." },
          },
        }),
    ...(options.staffNote ? { staffNote: options.staffNote } : {}),
    package: { url: "https://gardien.example/o/regis/rights/package?token=t.k", expiresOn: "2027-03-22" },
  });
}

const flat = (text: string) => normalise(text).replace(/\\|\*\*/g, "");

describe("answer letters, every type × outcome, in French and English", () => {
  for (const lang of ["fr", "en"] as const) {
    for (const type of REQUEST_TYPES) {
      for (const outcome of REQUEST_OUTCOMES) {
        test(`${lang} ${type} ${outcome}`, () => {
          const md = flat(letterMarkdown(letter({ type, outcome, lang })));
          // Who answers, about which request, received when, and how to reach them.
          assert.ok(md.includes("Agence Moiré"), "organisation");
          assert.ok(md.includes("DSR-2027-0042"), "reference");
          assert.ok(md.includes(lang === "fr" ? "1er février 2027" : "1 February 2027"), "date of receipt");
          assert.ok(md.includes("dpo@regis.chat"), "rights contact / DPO");
          assert.ok(
            md.includes(lang === "fr" ? "20 février 2027" : "20 February 2027"),
            "date of the letter",
          );
          // The remedies: the CNIL with its address and site (Art. 77), the courts (Art. 79).
          assert.ok(md.includes("3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07"), "CNIL address");
          assert.ok(md.includes("www.cnil.fr"), "CNIL site");
          assert.match(md, lang === "fr" ? /art\. 77 du RGPD/ : /GDPR Art\. 77/);
          assert.match(
            md,
            lang === "fr"
              ? /recours juridictionnel effectif \(art\. 79 du RGPD\)/
              : /judicial remedy \(GDPR Art\. 79\)/,
          );
          if (outcome !== "granted") {
            assert.ok(
              md.includes(
                lang === "fr" ? "Motif général de la décision." : "Overall reason for the decision.",
              ),
            );
            assert.ok(md.includes("Motif propre au traitement."), "per-activity reason");
          }
          if (outcome === "no_action") {
            assert.match(md, lang === "fr" ? /art\. 12\.4 du RGPD/ : /GDPR Art\. 12\(4\)/);
            assert.match(
              md,
              lang === "fr" ? /délai d'un mois à compter de la réception/ : /within one month of receiving/,
            );
          }
          if (outcome === "refused") {
            assert.ok(
              md.includes(lang === "fr" ? "ne pouvons pas faire droit" : "cannot grant your request"),
            );
          }
          if (outcome === "partly_granted") {
            assert.ok(
              md.includes(
                lang === "fr" ? "Ce que nous n'avons pas fait, et pourquoi" : "What we did not do, and why",
              ),
            );
          }
          // The letter is the letter, not a register document: no register footer.
          assert.ok(!md.includes("Gardien"), "no footer");
        });
      }
    }
  }
});

describe("what the letters say", () => {
  test("portability on a legitimate-interest activity explains why it does not apply", () => {
    const md = flat(
      letterMarkdown(
        letter({
          type: "portability",
          outcome: "partly_granted",
          lang: "en",
          activityRefs: ["clients-comptes-collaborateurs", "chatbot-analyse-interactions"],
        }),
      ),
    );
    assert.match(md, /Your right, processing activity by processing activity/);
    assert.match(
      md,
      /Analysis of the interactions with the chatbot - Your right does not apply to this processing activity\. - The purpose "Statistical analysis.*" rests on legitimate interests \(GDPR Art\. 6\(1\)\(f\)\): the right to data portability only covers automated processing based on consent or a contract \(GDPR Art\. 20\(1\)\)/,
    );
    assert.match(md, /Commercial management of customers and staff accounts: Your right applies\./);
    const fr = flat(
      letterMarkdown(
        letter({ type: "objection", outcome: "refused", activityRefs: ["clients-comptes-collaborateurs"] }),
      ),
    );
    assert.match(
      fr,
      /Votre droit ne s'applique pas à ce traitement\. - La finalité .* repose sur l'exécution d'un contrat .*l'article 21\.1 du RGPD ne vise que/,
    );
  });

  test("no 'right, activity by activity' section when the right applies everywhere", () => {
    const md = letterMarkdown(letter({ type: "rectification", lang: "en" }));
    assert.ok(!md.includes("processing activity by processing activity"));
  });

  test("the access answer carries the Art. 15 information of a demo activity, in both languages", () => {
    const en = flat(
      letterMarkdown(letter({ register: julie, lang: "en", activityRefs: ["service-prise-rendez-vous"] })),
    );
    for (const fact of [
      "Information on the processing of your data (GDPR Art. 15(1))",
      "Purposes and legal bases (Art. 15(1)(a))",
      "Billing the service and managing the commercial relationship. — Contract (Art. 6(1)(b) GDPR)",
      "Categories of personal data concerned (Art. 15(1)(b))",
      "Identity of the Contacts, identified by their e-mail addresses",
      "Recipients (Art. 15(1)(c))",
      "Billing provider (external service provider)",
      "Transfers outside the European Economic Area and safeguards (Art. 15(2))",
      "Prestataire de facturation (non nommé)",
      "Retention period (Art. 15(1)(d))",
      "Source of the data (Art. 15(1)(g))",
      "User's e-mail address, user's last and first name: From a third party — Single Sign-On (SSO) identification",
      "Automated decision-making and the logic involved (Art. 15(1)(h))",
      "The meeting-scheduling service is a service based on automated decision-making (artificial intelligence).",
      "Your rights (Art. 15(1)(e) and (f))",
      "Right to rectification (Art. 16)",
      "Right to object (Art. 21)",
      "Copy of your data (Art. 15(3))",
      "https://gardien.example/o/regis/rights/package?token=t.k",
      "22 March 2027",
    ]) {
      assert.ok(en.includes(fact), fact);
    }
    const fr = flat(
      letterMarkdown(letter({ register: julie, lang: "fr", activityRefs: ["service-prise-rendez-vous"] })),
    );
    for (const fact of [
      "Informations sur le traitement de vos données (art. 15.1 du RGPD)",
      "Finalités et bases légales (art. 15.1.a)",
      "Destinataires (art. 15.1.c)",
      "Source des données (art. 15.1.g)",
      "Décision automatisée et logique sous-jacente (art. 15.1.h)",
      "Transferts hors de l'Espace économique européen et garanties (art. 15.2)",
      "Copie de vos données (art. 15.3)",
    ]) {
      assert.ok(fr.includes(fact), fact);
    }
  });

  test("a staff preview shows the missing reasons and the pending link as gaps", () => {
    const doc = buildAnswerLetter({
      register: regis,
      request: {
        reference: "DSR-2027-0001",
        type: "access",
        lang: "en",
        receivedOn: "2027-02-01",
        activityRefs: [],
        requester: { email: "x@example.org" },
      },
      outcome: "partly_granted",
      date: "2027-02-02",
      package: "pending",
    });
    const md = letterMarkdown(doc);
    assert.ok(md.includes("_reasons to be given before sending_"));
    assert.ok(md.includes("_the download link is added when the answer is sent_"));
    assert.ok(md.includes("Dear Sir or Madam,"));
  });

  test("staff's free text is printed as text: escaped in HTML and Markdown", () => {
    const doc = letter({
      staffNote: '<script>alert(1)</script> [x](javascript:alert(1)) "quoted"',
      name: "<b>Jeanne</b>",
    });
    const html = letterHtml(doc);
    assert.ok(!html.includes("<script>"));
    assert.ok(!html.includes("<b>Jeanne"));
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert.ok(!/href="javascript/i.test(html));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    const md = letterMarkdown(doc);
    // Brackets are escaped: the link syntax stays visible text.
    assert.ok(md.includes("\\[x\\](javascript:alert(1))"));
    assert.ok(!/(?<!\\)\]\(javascript:/.test(md));
  });

  test("a PDF of the letter carries its facts (pdftotext)", { skip: PDFTOTEXT_MISSING }, async () => {
    const doc = letter({ type: "erasure", outcome: "refused", lang: "fr", name: "Jeanne Martin" });
    const pdf = (await renderLetter(doc, "pdf")).body as Buffer;
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const text = normalise(bodyText(pdfText(pdf, "-raw"), `${doc.organisation.name} ${doc.title}`));
    for (const fact of [
      "Réponse à votre demande : droit à l'effacement",
      "DSR-2027-0042",
      "1er février 2027",
      "Bonjour Jeanne Martin,",
      "Motif général de la décision.",
      "3 Place de Fontenoy",
      "art. 79 du RGPD",
    ]) {
      assert.ok(text.includes(fact), fact);
    }
  });
});
