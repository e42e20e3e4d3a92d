import assert from "node:assert/strict";
import { test } from "node:test";
import { readDemoRegisters } from "../demo/read-demo-registers.ts";
import { RegisterFile } from "../register/model/register-file.schema.ts";
import { sampleActivity, sampleOrganisation } from "../testing/fixtures.ts";
import { exportDpvJsonLd } from "./export-dpv-jsonld.ts";
import { renderDocument } from "./render-document.ts";

type Node = Record<string, unknown>;
const registers = readDemoRegisters();
const demo = (slug: string) => registers.find((r) => r.organisation.slug === slug)!;
const processes = (graph: Node[]) => graph.filter((n) => n["@type"] === "dpv:Process");
const ids = (value: unknown) => (value as { "@id": string }[]).map((v) => v["@id"]);

test("the @context declares the DPV prefixes of gdpr-reference §8", () => {
  const { "@context": context } = exportDpvJsonLd(demo("regis"));
  assert.equal(context.dpv, "https://w3id.org/dpv#");
  assert.equal(context.pd, "https://w3id.org/dpv/pd#");
  assert.equal(context["eu-gdpr"], "https://w3id.org/dpv/legal/eu/gdpr#");
  assert.equal(context.loc, "https://w3id.org/dpv/loc#");
});

test("one dpv:Process per active activity, with the Art. 6 legal bases as eu-gdpr IRIs", () => {
  for (const register of registers) {
    const graph = exportDpvJsonLd(register)["@graph"];
    const active = register.activities.filter((a) => a.status === "active");
    assert.equal(processes(graph).length, active.length, register.organisation.slug);
  }
  const regis = processes(exportDpvJsonLd(demo("regis"))["@graph"]);
  assert.deepEqual(
    regis.map((p) => ids(p["dpv:hasLegalBasis"])),
    [["eu-gdpr:A6-1-a"], ["eu-gdpr:A6-1-b"], ["eu-gdpr:A6-1-f"], ["eu-gdpr:A6-1-f"]],
  );
  const julie = processes(exportDpvJsonLd(demo("julie-desk"))["@graph"]);
  const slash = julie.find((p) => p["dct:identifier"] === "service-prise-rendez-vous")!;
  assert.deepEqual(ids(slash["dpv:hasLegalBasis"]).sort(), ["eu-gdpr:A6-1-a", "eu-gdpr:A6-1-b"]);
  assert.deepEqual(ids(slash["dpv:hasContext"]), ["dpv:AutomatedDecisionMaking"]);
  assert.deepEqual(ids(slash["dpv:hasDataProcessor"]), [
    "urn:gardien:julie-desk:processor:prestataire-crm",
    "urn:gardien:julie-desk:processor:prestataire-facturation",
  ]);
});

test("repeated properties are arrays; storage durations keep the ISO period", () => {
  const [first] = processes(exportDpvJsonLd(demo("regis"))["@graph"]);
  for (const key of [
    "dpv:hasPurpose",
    "dpv:hasLegalBasis",
    "dpv:hasDataSubject",
    "dpv:hasPersonalData",
    "dpv:hasRecipient",
    "dpv:hasDataProcessor",
    "dpv:hasStorageCondition",
    "dpv:hasThirdCountry",
    "dpv:hasTechnicalOrganisationalMeasure",
  ]) {
    assert.ok(Array.isArray(first![key]), key);
  }
  const [storage] = first!["dpv:hasStorageCondition"] as Node[];
  assert.equal(storage!["@type"], "dpv:StorageDuration");
  assert.equal(storage!["dpv:hasDuration"], "P24M");
  assert.equal((first!["dpv:hasPersonalData"] as Node[]).length, 4);
  assert.equal((first!["dpv:hasTechnicalOrganisationalMeasure"] as Node[]).length, 3);
});

test("no measurable period, no storage duration: Julie Desk's vague retention yields none", () => {
  for (const p of processes(exportDpvJsonLd(demo("julie-desk"))["@graph"])) {
    assert.deepEqual(p["dpv:hasStorageCondition"], [], String(p["dct:identifier"]));
  }
});

test("third countries, processors and safeguards of a transfer; drafts are left out", () => {
  const register = RegisterFile.parse({
    gardien: 1,
    organisation: sampleOrganisation("acme"),
    processors: [{ ref: "mailer", name: "Mailer Inc.", country: "US" }],
    activities: [
      sampleActivity("crm", {
        recipients: [{ kind: "processor", name: { fr: "Mailer", en: "Mailer" }, processorRef: "mailer" }],
        noTransferOutsideEea: false,
        transfers: [
          {
            recipient: "Mailer Inc.",
            processorRef: "mailer",
            country: "US",
            mechanism: "scc",
            sccModule: "2",
          },
        ],
      }),
      sampleActivity("draft", { status: "draft" }),
    ],
  });
  const graph = exportDpvJsonLd(register)["@graph"];
  const [crm, ...others] = processes(graph);
  assert.equal(others.length, 0, "the draft is not exported");
  assert.deepEqual(ids(crm!["dpv:hasThirdCountry"]), ["loc:US"]);
  assert.deepEqual(ids(crm!["dpv:hasRecipient"]), ["urn:gardien:acme:processor:mailer"]);
  const processor = graph.find((n) => n["@id"] === "urn:gardien:acme:processor:mailer")!;
  assert.equal(processor["@type"], "dpv:DataProcessor");
  assert.deepEqual(processor["dpv:hasCountry"], { "@id": "loc:US" });
  const measures = (crm!["dpv:hasTechnicalOrganisationalMeasure"] as Node[]).map((m) => m["@type"]);
  assert.ok(measures.includes("dpv:StandardContractualClauses"));
  const [storage] = crm!["dpv:hasStorageCondition"] as Node[];
  assert.equal(storage!["dpv:hasDuration"], "P3Y");
});

test("the jsonld format is valid JSON with the JSON-LD media type", () => {
  const out = renderDocument(demo("logeas"), { doc: "register", format: "jsonld" });
  assert.equal(out.mediaType, "application/ld+json");
  const parsed = JSON.parse(out.body) as { "@graph": Node[] };
  assert.equal(processes(parsed["@graph"]).length, 1);
});
