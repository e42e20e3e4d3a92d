import assert from "node:assert/strict";
import { test } from "node:test";
import { readDemoRegisters } from "../demo/read-demo-registers.ts";
import {
  type RegisterFile,
  RegisterFile as RegisterFileSchema,
} from "../register/model/register-file.schema.ts";
import { sampleActivity, sampleOrganisation } from "../testing/fixtures.ts";
import { DOCUMENT_KINDS, type GardienDocument, paragraph, type Section, section } from "./document-model.ts";
import { buildDocument, renderDocument, renderDocumentFile } from "./render-document.ts";
import { renderPdf } from "./render-pdf.ts";
import type { RenderRequest } from "./render-request.schema.ts";

const registers = readDemoRegisters();
const julie = registers.find((r) => r.organisation.slug === "julie-desk")!;

/** Every document the CLI renders for a register, in both languages (a notice for its first activity). */
function requestsFor(register: RegisterFile): RenderRequest[] {
  const activity = register.activities[0]?.ref ?? "";
  return DOCUMENT_KINDS.flatMap((doc) =>
    (["fr", "en"] as const).flatMap((lang): RenderRequest[] =>
      doc === "notice"
        ? (["short", "long"] as const).map((notice) => ({ doc, lang, activity, notice }))
        : [{ doc, lang }],
    ),
  );
}

const latin1 = (pdf: Buffer) => pdf.toString("latin1");

test("every document of the three demo organisations renders as a PDF, in French and in English", async () => {
  for (const register of registers) {
    for (const request of requestsFor(register)) {
      const what = `${register.organisation.slug} ${JSON.stringify(request)}`;
      const pdf = await renderPdf(buildDocument(register, request));
      assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-", what);
      assert.match(latin1(pdf.subarray(-32)), /%%EOF\s*$/, what);
      assert.ok(latin1(pdf).includes(`/Lang (${request.lang})`), what);
    }
  }
});

test("the same document renders to the same bytes: the creation date is the register's last update", async () => {
  const doc = buildDocument(julie, { doc: "privacy", lang: "fr" });
  assert.ok(doc.registerUpdatedOn);
  const [a, b] = [await renderPdf(doc), await renderPdf(doc)];
  assert.ok(a.equals(b));
});

test("each section is a bookmark; the viewer opens on them and shows the title", async () => {
  const doc = buildDocument(julie, { doc: "privacy", lang: "en" });
  const count = (sections: readonly Section[]): number =>
    sections.reduce((n, s) => n + 1 + count(s.sections), 0);
  const bytes = latin1(await renderPdf(doc));
  assert.equal(bytes.match(/\/Dest \[/g)?.length, count(doc.sections));
  assert.ok(bytes.includes("/PageMode /UseOutlines"));
  assert.ok(bytes.includes("/DisplayDocTitle true"));
  assert.ok(bytes.includes(`/Title (${doc.sections[0]!.title})`));
});

test("links are URI annotations: the policy's mailto and web links", async () => {
  const bytes = latin1(await renderPdf(buildDocument(julie, { doc: "privacy", lang: "fr" })));
  assert.ok(bytes.includes("/S /URI"));
  assert.ok(bytes.includes("/URI (mailto:dpo@juliedesk.com)"));
  assert.ok(bytes.includes("/URI (https://www.cnil.fr)"));
});

test("the dispatcher renders pdf as bytes; the synchronous text dispatcher refuses it", async () => {
  const file = await renderDocumentFile(julie, { doc: "privacy", lang: "fr", format: "pdf" });
  assert.equal(file.mediaType, "application/pdf");
  assert.equal(file.extension, "pdf");
  assert.ok(Buffer.isBuffer(file.body) && file.body.subarray(0, 5).toString() === "%PDF-");
  const md = await renderDocumentFile(julie, { doc: "privacy", lang: "fr", format: "md" });
  assert.equal(typeof md.body, "string");
  assert.throws(() => renderDocument(julie, { doc: "privacy", format: "pdf" }), /renderDocumentFile/);
});

const SCRIPT = "<script>alert(1)</script>";
const JS_URL = "javascript:alert(document.cookie)";
const JS_LINK = "[cliquez](javascript:alert(1))";

function hostileRegister(): RegisterFile {
  return RegisterFileSchema.parse({
    gardien: 1,
    organisation: {
      ...sampleOrganisation("hostile"),
      legalName: `Evil ${SCRIPT} SAS`,
      rightsContact: { email: "privacy@example.org", instructions: { fr: JS_URL, en: JS_URL } },
    },
    processors: [{ ref: "p", name: `Proc ${SCRIPT}`, services: [{ fr: JS_LINK, en: JS_LINK }] }],
    activities: [
      sampleActivity("evil", {
        name: { fr: `Activité ${SCRIPT}`, en: `Activity ${SCRIPT}` },
        description: { fr: `${JS_LINK}\n- ${JS_URL}`, en: JS_LINK },
        purposes: [{ main: true, description: { fr: JS_URL, en: JS_URL }, legalBasis: { code: "6.1.b" } }],
        recipients: [
          { kind: "processor", processorRef: "p", name: { fr: SCRIPT }, purpose: { fr: JS_LINK } },
        ],
        securityMeasures: [{ category: "other", description: { fr: `<a href="${JS_URL}">x</a>` } }],
      }),
    ],
  });
}

/** Raw bytes: no JavaScript action or name tree, no javascript: URI, and every link target is web or mail. */
function assertNoScript(pdf: Buffer, what: string): void {
  const bytes = latin1(pdf);
  assert.equal(bytes.includes("/JavaScript"), false, what);
  assert.equal(/\/JS\b/.test(bytes), false, what);
  assert.equal(/javascript:/i.test(bytes), false, what);
  for (const [, uri] of bytes.matchAll(/\/URI \(([^)]*)\)/g))
    assert.match(uri!, /^(https?:\/\/|mailto:)/, what);
}

test("register text holding <script> or javascript: gives no JavaScript action and no javascript: link", async () => {
  const register = hostileRegister();
  for (const doc of DOCUMENT_KINDS) {
    for (const lang of ["fr", "en"] as const) {
      const request = {
        doc,
        lang,
        ...(doc === "notice" ? { activity: "evil", notice: "long" as const } : {}),
      };
      assertNoScript(await renderPdf(buildDocument(register, request)), `${doc} ${lang}`);
    }
  }
  // A model built elsewhere that smuggles a javascript: link: the text stays, the link does not.
  const smuggled: GardienDocument = {
    format: "gardien-document",
    version: 1,
    kind: "privacy",
    lang: "fr",
    title: "x",
    organisation: { slug: "x", name: "x" },
    blocks: [
      paragraph([{ link: JS_URL, text: "cliquez" }, " ", { link: "https://example.org", text: "ok" }]),
    ],
    sections: [section("s", "s", [paragraph([{ link: "JAVASCRIPT:alert(1)", text: "ici" }])])],
  };
  const pdf = await renderPdf(smuggled);
  assertNoScript(pdf, "smuggled");
  assert.equal(latin1(pdf).match(/\/URI \(/g)?.length, 1);
});
