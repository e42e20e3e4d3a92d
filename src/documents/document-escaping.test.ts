/**
 * Security: register text is data, never markup. A register field holding a script tag, an event handler, a
 * javascript: URL or Markdown link syntax must render inert in HTML and in Markdown, in every document.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type RegisterFile,
  RegisterFile as RegisterFileSchema,
} from "../register/model/register-file.schema.ts";
import { sampleActivity, sampleOrganisation } from "../testing/fixtures.ts";
import { buildInformationNotice } from "./build-information-notice.ts";
import { DOCUMENT_KINDS } from "./document-model.ts";
import { renderDocument } from "./render-document.ts";
import { renderHtml } from "./render-html.ts";
import { escapeMarkdown, renderMarkdown } from "./render-markdown.ts";

const SCRIPT = "<script>alert(1)</script>";
const JS_LINK = "[cliquez](javascript:alert(1))";
const JS_URL = "javascript:alert(document.cookie)";
const IMG = '<img src=x onerror="alert(1)">';

function hostileRegister(): RegisterFile {
  const org = sampleOrganisation("hostile");
  return RegisterFileSchema.parse({
    gardien: 1,
    organisation: {
      ...org,
      legalName: `Evil ${SCRIPT} SAS`,
      rightsContact: { email: "privacy@example.org", instructions: { fr: JS_URL, en: JS_URL } },
      privacyPolicyChanges: { fr: IMG, en: IMG },
    },
    processors: [{ ref: "p", name: `Proc ${SCRIPT}`, services: [{ fr: JS_LINK, en: JS_LINK }] }],
    activities: [
      sampleActivity("evil", {
        name: { fr: `Activité ${SCRIPT}`, en: `Activity ${SCRIPT}` },
        description: { fr: `${JS_LINK}\n- ${IMG}`, en: `${JS_LINK}\n# heading` },
        purposes: [
          {
            main: true,
            description: { fr: JS_URL, en: JS_URL },
            legalBasis: { code: "6.1.f", legitimateInterest: { fr: SCRIPT } },
          },
        ],
        dataSubjects: [{ category: "other", label: { fr: IMG, en: IMG } }],
        dataCategories: [
          {
            id: "x",
            category: "other",
            label: { fr: JS_LINK },
            description: { fr: `a | b ${SCRIPT}`, en: "*bold* _it_ `code`" },
          },
        ],
        recipients: [
          {
            kind: "processor",
            processorRef: "p",
            name: { fr: SCRIPT, en: SCRIPT },
            purpose: { fr: JS_LINK },
          },
        ],
        securityMeasures: [{ category: "other", description: { fr: `<a href="${JS_URL}">x</a>`, en: IMG } }],
        transfers: [{ recipient: SCRIPT, country: "US", description: { fr: JS_LINK } }],
        notice: { purpose: { fr: SCRIPT }, doNotSend: { fr: JS_LINK } },
      }),
    ],
    processorRegister: [
      {
        ref: "client",
        status: "active",
        controller: { name: SCRIPT, description: { fr: `${JS_LINK}\n- ${SCRIPT}` } },
        processingCategories: [{ description: { fr: IMG, en: IMG } }],
        rightsRequests: { channel: "support", instructions: { fr: JS_URL } },
      },
    ],
  });
}

function allRenderings(register: RegisterFile): { name: string; html: string; md: string }[] {
  const out: { name: string; html: string; md: string }[] = [];
  for (const doc of DOCUMENT_KINDS) {
    for (const lang of ["fr", "en"] as const) {
      const request = {
        doc,
        lang,
        ...(doc === "notice" ? { activity: "evil", notice: "long" as const } : {}),
      };
      out.push({
        name: `${doc} ${lang}`,
        html: renderDocument(register, { ...request, format: "html" }).body,
        md: renderDocument(register, { ...request, format: "md" }).body,
      });
    }
  }
  return out;
}

test("HTML: register text holding <script>, handlers or javascript: renders as inert text", () => {
  for (const { name, html } of allRenderings(hostileRegister())) {
    assert.equal(/<script/i.test(html), false, `${name}: script tag`);
    assert.equal(/<img/i.test(html), false, `${name}: img tag`);
    assert.equal(/href\s*=\s*["']?\s*javascript:/i.test(html), false, `${name}: javascript: href`);
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    assert.deepEqual(
      tags.filter((tag) => /\son\w+\s*=/i.test(tag)),
      [],
      `${name}: event handler attribute`,
    );
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"), `${name}: the text is kept, escaped`);
  }
});

test("Markdown: the same values stay literal text, with no raw HTML and no javascript: link", () => {
  for (const { name, md } of allRenderings(hostileRegister())) {
    assert.equal(/(?<!\\)<(script|img|a)\b/i.test(md), false, `${name}: raw HTML`);
    assert.equal(/(?<!\\)\]\(\s*javascript:/i.test(md), false, `${name}: javascript: link`);
    assert.equal(/<javascript:/i.test(md), false, `${name}: javascript: autolink`);
    assert.ok(md.includes("\\<script\\>alert(1)\\</script\\>"), `${name}: the text is kept, escaped`);
  }
});

test("Markdown escaping keeps text literal: emphasis, code, tables, headings, lists, entities", () => {
  assert.equal(
    escapeMarkdown("*a* _b_ `c` [d](e) <f> g|h ~i~ \\"),
    "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> g\\|h \\~i\\~ \\\\",
  );
  assert.equal(escapeMarkdown("&amp; &#60; R&D"), "\\&amp; \\&#60; R&D");
  assert.equal(escapeMarkdown("line one\n- not a list"), "line one - not a list");
  const doc = renderMarkdown({
    format: "gardien-document",
    version: 1,
    kind: "register",
    lang: "en",
    title: "# T",
    organisation: { slug: "x", name: "X" },
    blocks: [
      { type: "paragraph", text: "# not a heading" },
      { type: "list", ordered: false, items: ["- nested?", "1. ordered?", "> quote?"] },
    ],
    sections: [],
  });
  assert.ok(doc.includes("\n\\# not a heading\n"));
  assert.ok(doc.includes("- \\- nested?\n- 1\\. ordered?\n- \\> quote?\n"));
});

test("a policy URL that is not http(s), passed straight to the builder, never becomes a link", () => {
  const register = hostileRegister();
  const doc = buildInformationNotice(register, { lang: "fr", activity: "evil", policyUrl: JS_URL });
  assert.equal(/href="javascript:/i.test(renderHtml(doc)), false);
  assert.equal(/(?<!\\)\]\(javascript:/i.test(renderMarkdown(doc)), false);
  assert.ok(renderHtml(doc).includes("<p>Consulter la politique de confidentialité de Evil"));
});
