import assert from "node:assert/strict";
import { test } from "node:test";
import { readDemoRegisters } from "../demo/read-demo-registers.ts";
import { isAppError } from "../errors/app-error.ts";
import type { Block, GardienDocument, Section } from "./document-model.ts";
import { buildDocument, renderDocument } from "./render-document.ts";
import type { RenderRequest } from "./render-request.schema.ts";

const [regis, logeas, julie] = readDemoRegisters() as [never, never, never];

function rejects(request: RenderRequest, field: string): void {
  assert.throws(
    () => renderDocument(regis, request),
    (e) => {
      assert.ok(isAppError(e));
      assert.equal(e.code, "VALIDATION_FAILED");
      const paths = (e.details as { issues: { path: string }[] }).issues.map((i) => i.path);
      assert.ok(paths.includes(field), `${JSON.stringify(request)} names ${field}: ${paths}`);
      return true;
    },
  );
}

test("combinations that make no sense are refused, naming the field to change", () => {
  rejects({ doc: "privacy", format: "jsonld" }, "format");
  rejects({ doc: "sheet", format: "jsonld" }, "format");
  rejects({ doc: "register", activity: "x" }, "activity");
  rejects({ doc: "privacy", activity: "x" }, "activity");
  rejects({ doc: "notice" }, "activity");
  rejects({ doc: "register", notice: "long" }, "notice");
  rejects({ doc: "privacy", policyUrl: "https://example.org/p" }, "policyUrl");
  rejects({ doc: "notice", activity: "x", policyUrl: "javascript:alert(1)" }, "policyUrl");
  rejects({ doc: "minutes" } as unknown as RenderRequest, "doc");
});

test("an unknown activity is NOT_FOUND", () => {
  for (const doc of ["sheet", "notice"] as const) {
    assert.throws(
      () => renderDocument(logeas, { doc, activity: "nope" }),
      (e) => isAppError(e) && e.code === "NOT_FOUND",
    );
  }
});

test("the language defaults to the organisation's; formats carry their media type", () => {
  assert.equal(buildDocument(regis, { doc: "register" }).lang, "fr");
  const types = (["html", "md", "json"] as const).map(
    (format) => renderDocument(julie, { doc: "privacy", format }).mediaType,
  );
  assert.deepEqual(types, ["text/html; charset=utf-8", "text/markdown; charset=utf-8", "application/json"]);
});

/** Every block of a document, depth first. */
function blocksOf(doc: GardienDocument): Block[] {
  const walk = (s: Section): Block[] => [...s.blocks, ...s.sections.flatMap(walk)];
  return [...doc.blocks, ...doc.sections.flatMap(walk)];
}

test("the json format is the document model: plain JSON a PDF renderer can lay out", () => {
  const body = renderDocument(logeas, { doc: "sheet", lang: "en", format: "json" }).body;
  const doc = JSON.parse(body) as GardienDocument;
  assert.equal(doc.format, "gardien-document");
  assert.equal(doc.version, 1);
  assert.equal(doc.kind, "sheet");
  assert.equal(doc.lang, "en");
  assert.deepEqual(
    doc,
    buildDocument(logeas, { doc: "sheet", lang: "en" }),
    "no function, no undefined lost",
  );
  const policy = buildDocument(julie, { doc: "privacy", lang: "en" });
  const types = new Set([...blocksOf(doc), ...blocksOf(policy)].map((b) => b.type));
  assert.deepEqual([...types].sort(), ["definitions", "list", "paragraph", "table"]);
  assert.equal(body.includes("<"), false, "no markup inside the model's strings");
});

test("HTML and Markdown render the same model: the same section titles, in the same order", () => {
  for (const register of [regis, logeas, julie]) {
    for (const doc of ["register", "sheet", "processor-register", "privacy"] as const) {
      const model = buildDocument(register, { doc, lang: "en" });
      const titles: string[] = [];
      const walk = (s: Section) => {
        titles.push(s.title);
        s.sections.forEach(walk);
      };
      model.sections.forEach(walk);
      const html = renderDocument(register, { doc, lang: "en", format: "html" }).body;
      const md = renderDocument(register, { doc, lang: "en", format: "md" }).body;
      const htmlTitles = [...html.matchAll(/<h[2-6] id="[^"]*">([^<]*)<\/h[2-6]>/g)].map((m) =>
        m[1]!.replace(/&#39;/g, "'"),
      );
      const mdTitles = [...md.matchAll(/^#{2,6} (.*)$/gm)].map((m) => m[1]!.replace(/\\(.)/g, "$1"));
      assert.deepEqual(htmlTitles, titles);
      assert.deepEqual(mdTitles, titles);
    }
  }
});
