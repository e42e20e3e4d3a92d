import assert from "node:assert/strict";
import { test } from "node:test";
import { readDemoRegisters } from "../demo/read-demo-registers.ts";
import type { GardienDocument } from "./document-model.ts";
import { renderDocument } from "./render-document.ts";
import { escapeHtml, renderHtml } from "./render-html.ts";
import type { RenderRequest } from "./render-request.schema.ts";

const registers = readDemoRegisters();

/** Every document of every demo organisation, as the CLI would render it. */
function everyDocument(): { name: string; html: string; lang: string }[] {
  const out: { name: string; html: string; lang: string }[] = [];
  for (const register of registers) {
    const first = register.activities[0]!.ref;
    const requests: RenderRequest[] = [
      { doc: "register" },
      { doc: "sheet" },
      { doc: "sheet", activity: first },
      { doc: "processor-register" },
      { doc: "privacy" },
      { doc: "notice", activity: first, notice: "short" },
      { doc: "notice", activity: first, notice: "long" },
    ];
    for (const lang of ["fr", "en"] as const) {
      for (const r of requests) {
        const name = `${register.organisation.slug} ${r.doc} ${r.activity ?? ""} ${r.notice ?? ""} ${lang}`;
        out.push({ name, lang, html: renderDocument(register, { ...r, lang, format: "html" }).body });
      }
    }
  }
  return out;
}

test("every page is a complete document with its language, landmarks and one h1", () => {
  for (const { name, html, lang } of everyDocument()) {
    assert.ok(html.startsWith("<!DOCTYPE html>\n"), name);
    assert.match(html, new RegExp(`<html lang="${lang}">`), name);
    assert.match(html, /<meta charset="utf-8">/, name);
    assert.match(html, /<title>[^<]+<\/title>/, name);
    assert.equal(html.match(/<h1[\s>]/g)?.length, 1, `${name}: one h1`);
    for (const landmark of ["<header>", '<main id="main">', "<footer>"])
      assert.ok(html.includes(landmark), `${name} ${landmark}`);
    assert.match(html, /<a class="skip-link" href="#main">/, name);
    assert.match(html, /@media print\{/, `${name}: print CSS`);
    assert.ok(html.trimEnd().endsWith("</html>"), name);
  }
});

test("headings never skip a level, and section ids are unique", () => {
  for (const { name, html } of everyDocument()) {
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    assert.equal(levels[0], 1, name);
    for (let i = 1; i < levels.length; i++) {
      assert.ok(levels[i]! <= levels[i - 1]! + 1, `${name}: h${levels[i - 1]} then h${levels[i]}`);
    }
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, `${name}: duplicate id`);
  }
});

test("every table has a caption, column headers with scope, and row headers with scope", () => {
  let tables = 0;
  for (const { name, html } of everyDocument()) {
    for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
      tables++;
      assert.match(table, /^<table>\n<caption>[^<]+<\/caption>/, name);
      assert.match(table, /<thead><tr>(<th scope="col">[^<]*<\/th>)+<\/tr><\/thead>/, name);
      for (const row of table.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>.*?<\/tr>/g) ?? []) {
        assert.match(row, /^<tr><th scope="row">/, `${name}: row header`);
      }
    }
  }
  assert.ok(tables > 10, "the demo documents hold tables");
});

test("no page carries a script, and the CSP forbids any", () => {
  for (const { name, html } of everyDocument()) {
    assert.equal(/<script/i.test(html), false, name);
    assert.match(
      html,
      /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/,
      name,
    );
  }
});

test("escapeHtml escapes the five characters that matter", () => {
  assert.equal(
    escapeHtml(`<a href="x" onclick='y'>&</a>`),
    "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
  );
});

test("a link in the model that is not http(s) or mailto renders as text, even if a builder let it through", () => {
  const doc: GardienDocument = {
    format: "gardien-document",
    version: 1,
    kind: "notice",
    lang: "en",
    title: "T",
    organisation: { slug: "x", name: "X" },
    blocks: [
      { type: "paragraph", text: [{ link: "javascript:alert(1)", text: "click" }] },
      { type: "paragraph", text: [{ link: "JAVASCRIPT:alert(1)", text: "again" }] },
      { type: "paragraph", text: [{ link: "https://ok.example/a b", text: "spaces" }] },
      { type: "paragraph", text: [{ link: "https://ok.example/", text: "fine" }] },
    ],
    sections: [],
  };
  const html = renderHtml(doc);
  assert.equal(/href="javascript:/i.test(html), false);
  assert.ok(html.includes("<p>click</p>"));
  assert.ok(html.includes("<p>spaces</p>"));
  assert.ok(html.includes('<a href="https://ok.example/">fine</a>'));
});
