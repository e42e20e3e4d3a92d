import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { strFromU8, unzipSync } from "fflate";
import { readDemoRegisters } from "../../demo/read-demo-registers.ts";
import { buildAnswerLetter } from "../letters/build-answer-letter.ts";
import { buildDataPackage, type PackageManifest } from "./build-data-package.ts";
import type { PackageContent } from "./collect-package-content.ts";
import { parseCsv } from "./testing/parse-csv.ts";
import { cellText, type DataRecord, toCsv } from "./to-csv.ts";

const regis = readDemoRegisters().find((r) => r.organisation.slug === "regis")!;

const customers: DataRecord[] = [
  { id: 1, name: "Jeanne Martin", email: "jeanne@example.org", vip: true },
  {
    id: 2,
    name: 'Dupont, "Jo"',
    note: "line one\r\nline two",
    tags: ["a", "b"],
    address: { city: "Saint-Malo" },
  },
  { id: 3, name: '=HYPERLINK("http://evil")', balance: -12.5, empty: null, formula: "+33 6 12", at: "@home" },
];
const orders: DataRecord[] = [{ order: "A-1", total: 42 }];

function content(): PackageContent {
  return {
    sources: [
      {
        source: "crm",
        types: [
          { recordType: "customer", records: customers },
          { recordType: "order", records: orders },
        ],
      },
      {
        source: "billing",
        types: [{ recordType: "records", records: [{ invoice: "F-2027-1", amount: 99.9 }] }],
      },
    ],
    files: [
      { name: "../../etc/passwd", mediaType: "text/plain", content: Buffer.from("scan") },
      { name: "lettre.pdf", mediaType: "application/pdf", content: Buffer.from("%PDF-1.7 first") },
      { name: "LETTRE.pdf", mediaType: "application/pdf", content: Buffer.from("%PDF-1.7 second") },
    ],
  };
}

function build(lang: "fr" | "en" = "fr") {
  const letter = buildAnswerLetter({
    register: regis,
    request: {
      reference: "DSR-2027-0007",
      type: "access",
      lang,
      receivedOn: "2027-02-01",
      activityRefs: ["clients-comptes-collaborateurs"],
      requester: { email: "jeanne@example.org" },
    },
    outcome: "granted",
    date: "2027-02-10",
    package: "enclosed",
  });
  return buildDataPackage({
    reference: "DSR-2027-0007",
    lang,
    generatedAt: "2027-02-10T09:00:00.000Z",
    letter,
    content: content(),
  });
}

describe("the data package zip", () => {
  test("JSON holds the records exactly; CSV parses back; the manifest's hashes match every file", () => {
    const pkg = build();
    const files = unzipSync(pkg.zip);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as PackageManifest;
    assert.equal(manifest.request, "DSR-2027-0007");
    assert.equal(manifest.generatedAt, "2027-02-10T09:00:00.000Z");
    assert.deepEqual(manifest.organisation, { slug: "regis", name: "Agence Moiré" });
    assert.deepEqual(Object.keys(files).sort(), [
      "copie-lisible.html",
      "data/billing.json",
      "data/billing/records.csv",
      "data/crm.json",
      "data/crm/customer.csv",
      "data/crm/order.csv",
      "files/LETTRE-2.pdf",
      "files/lettre.pdf",
      "files/passwd",
      "manifest.json",
    ]);
    for (const file of manifest.files) {
      const bytes = files[file.path];
      assert.ok(bytes, file.path);
      assert.equal(file.size, bytes.length, file.path);
      assert.equal(file.sha256, createHash("sha256").update(bytes).digest("hex"), file.path);
    }
    assert.equal(
      manifest.files.length,
      Object.keys(files).length - 1,
      "every file but the manifest is listed",
    );

    const crm = JSON.parse(strFromU8(files["data/crm.json"]!));
    assert.deepEqual(crm, { source: "crm", types: { customer: customers, order: orders } });

    const rows = parseCsv(strFromU8(files["data/crm/customer.csv"]!));
    const [head, ...body] = rows;
    assert.deepEqual(head, [
      "id",
      "name",
      "email",
      "vip",
      "note",
      "tags",
      "address",
      "balance",
      "empty",
      "formula",
      "at",
    ]);
    assert.equal(body.length, customers.length);
    body.forEach((row, i) => {
      const record = customers[i]!;
      head!.forEach((column, j) => {
        // Each cell reads back as the value's cell text (a guarded formula keeps its apostrophe).
        assert.equal(row[j], cellText(record[column]), `${i}.${column}`);
      });
    });
    assert.equal(body[1]![4], "line one\r\nline two");
    assert.equal(body[1]![1], 'Dupont, "Jo"');
    assert.equal(body[1]![5], '["a","b"]');
    assert.equal(body[2]![1], '\'=HYPERLINK("http://evil")', "a formula is neutralised");
    assert.equal(body[2]![7], "-12.5", "numbers are not guarded");
    assert.equal(body[2]![9], "'+33 6 12");
    assert.equal(body[2]![10], "'@home");
    // UTF-8 byte order mark (TextDecoder, and so strFromU8, drops it when decoding).
    assert.deepEqual([...files["data/crm/customer.csv"]!.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(strFromU8(files["files/LETTRE-2.pdf"]!), "%PDF-1.7 second");
  });

  test("the readable copy holds the letter and every value in tables, escaped, with no script", () => {
    const pkg = build("en");
    const html = strFromU8(unzipSync(pkg.zip)["readable-copy.html"]!);
    assert.equal(pkg.htmlName, "readable-copy.html");
    assert.ok(html.includes("Answer to your request: right of access"));
    assert.ok(html.includes("Your data is in this package"));
    assert.ok(html.includes("<caption>crm — customer (3 records)</caption>"));
    assert.ok(html.includes("<td>Dupont, &quot;Jo&quot;</td>"));
    assert.ok(html.includes("=HYPERLINK(&quot;http://evil&quot;)"));
    assert.ok(html.includes("{&quot;city&quot;:&quot;Saint-Malo&quot;}"));
    assert.ok(!/<script/i.test(html));
    assert.ok(
      html.indexOf("Your data</h2>") < html.indexOf("Your remedies</h2>"),
      "data before the remedies",
    );
    assert.ok(html.includes("<li>LETTRE-2.pdf</li>"));
  });

  test("the same inputs give the same bytes", () => {
    assert.deepEqual(build().zip, build().zip);
  });

  test("toCsv writes RFC 4180 with CRLF and a BOM", () => {
    assert.equal(toCsv([{ a: "x,y", b: 'say "hi"' }, { b: 2 }]), '\uFEFFa,b\r\n"x,y","say ""hi"""\r\n,2\r\n');
    assert.deepEqual(parseCsv(toCsv([{ a: "é ü 漢字" }])), [["a"], ["é ü 漢字"]]);
  });
});
