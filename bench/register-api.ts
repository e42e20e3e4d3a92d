import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Fastify, { type FastifyInstance } from "fastify";
import { openApp } from "../src/app/open-app.ts";
import { createToken } from "../src/auth/create-token.ts";
import { ConfigSchema } from "../src/config/config.schema.ts";
import { buildServer } from "../src/http/build-server.ts";
import { importRegister } from "../src/register/io/import-register.ts";
import type { ActivityInput } from "../src/register/model/index.ts";
import { sampleActivity, sampleOrganisation } from "../src/testing/fixtures.ts";
import { fmt, median, printTable } from "./stats.ts";

const ACTIVITIES = 200;
const CONNECTIONS = 2;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const REPEATS = 3;
const GOAL = 0.5;

/** A realistic activity: 3 purposes, 5 data categories with retention rules, recipients and measures. */
function benchActivity(i: number): ActivityInput {
  const categories = [
    { id: "identity", category: "identity", description: { fr: "Nom, prénom, civilité", en: "Name, title" } },
    {
      id: "contact",
      category: "personal_life",
      description: { fr: "Adresse, e-mail, téléphone", en: "Address, e-mail, phone" },
    },
    {
      id: "contract",
      category: "professional_life",
      description: { fr: "Fonction, employeur", en: "Job, employer" },
    },
    {
      id: "billing",
      category: "economic_financial",
      description: { fr: "IBAN, factures", en: "IBAN, invoices" },
    },
    {
      id: "logs",
      category: "connection",
      description: { fr: "Adresse IP, journaux", en: "IP address, logs" },
    },
  ] as const;
  return sampleActivity(`activity-${String(i).padStart(3, "0")}`, {
    name: {
      fr: `Traitement n° ${i} : gestion de la relation client`,
      en: `Processing #${i}: customer relations`,
    },
    description: {
      fr: "Suivi des clients, facturation et support.",
      en: "Customer follow-up, billing and support.",
    },
    software: ["CRM", "ERP"],
    purposes: [
      {
        main: true,
        description: { fr: "Gérer les contrats", en: "Manage contracts" },
        legalBasis: { code: "6.1.b" },
      },
      {
        description: { fr: "Tenir la comptabilité", en: "Keep the accounts" },
        legalBasis: { code: "6.1.c", legalReference: "Code de commerce, art. L123-22" },
      },
      {
        description: { fr: "Mesurer la satisfaction", en: "Measure satisfaction" },
        legalBasis: {
          code: "6.1.f",
          legitimateInterest: { fr: "Améliorer le service", en: "Improve the service" },
        },
      },
    ],
    dataSubjects: [{ category: "customers" }, { category: "customer_contacts" }],
    dataCategories: categories.map((c) => ({ ...c, source: { kind: "data_subject" as const } })),
    retention: {
      maximum: "P10Y",
      rules: [
        {
          dataCategories: ["identity", "contact", "contract"],
          duration: "P3Y",
          from: "end_of_contract",
          action: "delete",
        },
        { dataCategories: ["billing"], duration: "P10Y", from: "end_of_financial_year", action: "archive" },
        { dataCategories: ["logs"], duration: "P12M", from: "collection", action: "delete" },
      ],
    },
    recipients: [
      {
        kind: "internal",
        name: { fr: "Service commercial", en: "Sales" },
        dataCategories: ["identity", "contact"],
      },
      { kind: "internal", name: { fr: "Comptabilité", en: "Accounting" }, dataCategories: ["billing"] },
      { kind: "processor", name: { fr: "Hébergeur", en: "Hosting provider" }, country: "FR" },
    ],
    securityMeasures: [
      {
        category: "access_control",
        description: { fr: "Comptes nominatifs, MFA", en: "Named accounts, MFA" },
      },
      { category: "traceability", description: { fr: "Journalisation des accès", en: "Access logging" } },
      {
        category: "backup",
        description: { fr: "Sauvegarde quotidienne chiffrée", en: "Encrypted daily backup" },
      },
      {
        category: "encryption",
        description: { fr: "TLS et chiffrement au repos", en: "TLS and encryption at rest" },
      },
    ],
  });
}

type Captured = { body: string; contentType: string };

async function capture(base: string, path: string, headers: Record<string, string>): Promise<Captured> {
  const res = await fetch(`${base}${path}`, { headers });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  return { body: await res.text(), contentType: res.headers.get("content-type") ?? "application/json" };
}

async function bareServer(routes: Record<string, Captured>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  for (const [path, captured] of Object.entries(routes)) {
    app.get(path, async (_request, reply) =>
      reply.header("content-type", captured.contentType).send(captured.body),
    );
  }
  await app.listen({ host: "127.0.0.1", port: 0 });
  return app;
}

function urlOf(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("server is not listening on TCP");
  return `http://127.0.0.1:${address.port}`;
}

async function requestsPerSecond(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  return result.requests.average;
}

/**
 * Requests per second of the register API against a bare Fastify route that returns the same bytes,
 * for one activity (goal: ratio ≥ 0.5) and for the list of 200 activities. Both servers and autocannon
 * share this process, as they would share a small host; runs alternate so drift hits both sides alike.
 */
export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "gardien-bench-api-"));
  const config = Object.freeze(ConfigSchema.parse({ dataDir, logLevel: "silent", loadDemo: false }));
  const { ctx, close } = await openApp(config, { loadDemo: false });
  const servers: FastifyInstance[] = [];
  try {
    const activities = Array.from({ length: ACTIVITIES }, (_, i) => benchActivity(i));
    await importRegister(ctx, {
      body: { gardien: 1, organisation: sampleOrganisation("bench"), activities },
      actor: "bench",
    });
    const { token } = await createToken(ctx, { admin: true, name: "bench", actor: "bench" });
    const headers = { authorization: `Bearer ${token}` };

    const gardien = await buildServer(ctx);
    await gardien.listen({ host: "127.0.0.1", port: 0 });
    servers.push(gardien);
    const gardienUrl = urlOf(gardien);

    const endpoints = [
      { name: "GET one activity", path: "/api/v1/organisations/bench/activities/activity-100" },
      { name: `GET list of ${ACTIVITIES} activities`, path: "/api/v1/organisations/bench/activities" },
    ];
    const captured: Record<string, Captured> = {};
    for (const e of endpoints) captured[e.path] = await capture(gardienUrl, e.path, headers);
    const bare = await bareServer(captured);
    servers.push(bare);
    const bareUrl = urlOf(bare);

    const rows: Array<Record<string, string | number>> = [];
    for (const [i, e] of endpoints.entries()) {
      // Warm-up: JIT, statement caches.
      await autocannon({ url: `${gardienUrl}${e.path}`, connections: CONNECTIONS, amount: 500, headers });
      await autocannon({ url: `${bareUrl}${e.path}`, connections: CONNECTIONS, amount: 500, headers });
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let r = 0; r < REPEATS; r++) {
        ours.push(await requestsPerSecond(`${gardienUrl}${e.path}`, headers));
        theirs.push(await requestsPerSecond(`${bareUrl}${e.path}`, headers));
      }
      const g = median(ours);
      const b = median(theirs);
      const ratio = g / b;
      rows.push({
        endpoint: e.name,
        bytes: Buffer.byteLength(captured[e.path]!.body),
        "gardien req/s": fmt(g, 0),
        "bare req/s": fmt(b, 0),
        ratio: fmt(ratio, 2),
        goal: i === 0 ? `≥ ${GOAL} ${ratio >= GOAL ? "met" : "NOT met"}` : "(reported)",
      });
    }
    console.log(
      `register-api: ${CONNECTIONS} connections, ${DURATION_S} s × ${REPEATS} runs each, median requests/s ` +
        `(SQLite, ${ACTIVITIES} activities, admin token)`,
    );
    printTable(rows);
  } finally {
    for (const server of servers) await server.close();
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
