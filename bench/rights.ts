import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Fastify, { type FastifyInstance } from "fastify";
import pg from "pg";
import type { AppContext } from "../src/app/app-context.ts";
import { openApp } from "../src/app/open-app.ts";
import { createToken } from "../src/auth/create-token.ts";
import { ConfigSchema } from "../src/config/config.schema.ts";
import { type DbHandle, openDb } from "../src/db/create-db.ts";
import { buildServer } from "../src/http/build-server.ts";
import { publishRegister } from "../src/publication/publish-register.ts";
import { importRegister } from "../src/register/io/import-register.ts";
import { createRequest } from "../src/rights/requests/create-request.ts";
import {
  type RightsScheduler,
  startRightsScheduler,
} from "../src/rights/scheduler/start-rights-scheduler.ts";
import { sampleActivity, sampleOrganisation } from "../src/testing/fixtures.ts";
import { fmt, median, printTable } from "./stats.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const REPEATS = 3;
const GOAL_RPS = 1000;
const GOAL_P99_MS = 50;
/** The scheduler runs this often during the bench (a minute in production). */
const SCHEDULER_INTERVAL_MS = 1000;
/** Open requests seeded before the bench, received 20 to 45 days ago: reminders and overdue flags are due. */
const SEEDED_REQUESTS = 500;

type Target = { name: string; url: string; headers: Record<string, string>; body: string; status: number };
/** `cpuPerRequest`: the server thread's CPU per request (µs), which other load on the host does not inflate. */
type Measure = { rps: number; p99: number; cpuPerRequest: number };

function urlOf(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("server is not listening on TCP");
  return `http://127.0.0.1:${address.port}`;
}

async function measure(target: Target, options: { amount?: number } = {}): Promise<Measure> {
  const cpuBefore = process.threadCpuUsage();
  const result = await autocannon({
    url: target.url,
    method: "POST",
    connections: CONNECTIONS,
    headers: target.headers,
    body: target.body,
    // `[<id>]` becomes a fresh id in each request: every request is a new person (no duplicates).
    idReplacement: true,
    // The load generator runs in a worker thread: on a small host it would otherwise take the server's
    // event loop for itself (socket writes, request building), which a real client never does.
    workers: 1,
    ...(options.amount ? { amount: options.amount } : { duration: DURATION_S }),
  });
  const wrong = result.statusCodeStats
    ? Object.entries(result.statusCodeStats).filter(([code]) => Number(code) !== target.status)
    : [];
  if (result.errors > 0 || wrong.length > 0 || result.non2xx > 0) {
    throw new Error(
      `${target.name}: ${result.errors} errors, statuses ${JSON.stringify(result.statusCodeStats)}`,
    );
  }
  const cpu = process.threadCpuUsage(cpuBefore);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuPerRequest: (cpu.user + cpu.system) / Math.max(1, result.requests.total),
  };
}

/**
 * Every form post from its own client address: the form's per-IP limit (5 accepted posts per 10 minutes)
 * would otherwise stop the bench at the sixth post. The address is set on the socket before Fastify reads
 * it; autocannon does not pipeline, so a keep-alive socket carries one request at a time.
 */
function distinctClientAddresses(app: FastifyInstance): void {
  let n = 0;
  app.server.prependListener("request", (req: IncomingMessage) => {
    n++;
    const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    Object.defineProperty(req.socket, "remoteAddress", { value: address, configurable: true });
  });
}

/** A store for one run: file-backed SQLite under a temp dir (as `npm start`), or a fresh PostgreSQL schema. */
async function openStore(
  kind: "sqlite" | "postgres",
): Promise<{ ctx: AppContext; close: () => Promise<void> }> {
  const secretKey = randomBytes(32).toString("base64");
  const dataDir = mkdtempSync(join(tmpdir(), "gardien-bench-rights-"));
  const config = Object.freeze(
    ConfigSchema.parse({ dataDir, logLevel: "silent", loadDemo: false, secretKey }),
  );
  if (kind === "sqlite") {
    const { ctx, close } = await openApp(config, { loadDemo: false });
    return {
      ctx,
      close: async () => {
        await close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)!;
  const schema = `bench_rights_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const handle: DbHandle = openDb({ kind: "postgres", url, schema, poolSize: 10 });
  const { ctx, close } = await openApp(config, { handle, loadDemo: false });
  return {
    ctx,
    close: async () => {
      await close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Requests received 20 to 45 days ago and still open: the scheduler has reminders and flags to do. */
async function seedOpenRequests(ctx: AppContext, orgId: string): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < SEEDED_REQUESTS; i++) {
    const daysAgo = 20 + (i % 26);
    await createRequest(ctx, {
      orgId,
      actor: "bench",
      input: {
        type: "access",
        channel: "letter",
        receivedAt: new Date(now - daysAgo * 86_400_000).toISOString(),
        requester: { email: `seed-${i}@example.net` },
        identityVerified: true,
      },
    });
  }
}

async function benchStore(kind: "sqlite" | "postgres"): Promise<Array<Record<string, string | number>>> {
  const { ctx, close } = await openStore(kind);
  const servers: FastifyInstance[] = [];
  let scheduler: RightsScheduler | undefined;
  const ticks = { runs: 0, reminders: 0, overdue: 0, failed: 0 };
  try {
    await importRegister(ctx, {
      body: {
        gardien: 1,
        organisation: { ...sampleOrganisation("bench"), dpo: { email: "dpo@bench.example" } },
        activities: [sampleActivity("crm"), sampleActivity("newsletter")],
      },
      actor: "bench",
    });
    await publishRegister(ctx, { slug: "bench", actor: "bench" });
    const org = await ctx.db
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", "bench")
      .executeTakeFirstOrThrow();
    await seedOpenRequests(ctx, org.id);
    const { token } = await createToken(ctx, { orgSlug: "bench", name: "bench", actor: "bench" });

    const gardien = await buildServer(ctx);
    distinctClientAddresses(gardien);
    await gardien.listen({ host: "127.0.0.1", port: 0 });
    servers.push(gardien);
    scheduler = startRightsScheduler(ctx, {
      intervalMs: SCHEDULER_INTERVAL_MS,
      firstRunDelayMs: 0,
      onTick: (outcome) => {
        ticks.runs++;
        if ("error" in outcome) ticks.failed++;
        else {
          ticks.reminders += outcome.result.reminders;
          ticks.overdue += outcome.result.overdue;
        }
      },
    });
    const base = urlOf(gardien);
    const targets: Target[] = [
      {
        name: "POST /api/v1/requests",
        url: `${base}/api/v1/requests`,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          type: "access",
          channel: "api",
          requester: { name: "Bench Person", email: "person-[<id>]@example.net", customerId: "C-[<id>]" },
          activityRefs: ["crm"],
          identityVerified: true,
        }),
        status: 201,
      },
      {
        name: "POST /o/bench/rights (form)",
        url: `${base}/o/bench/rights?lang=fr`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          type: "erasure",
          name: "Personne Banc",
          email: "form-[<id>]@example.net",
          activities: "crm",
          message: "Merci d'effacer mon compte client.",
          website: "",
        })
          .toString()
          .replace(/%5B%3Cid%3E%5D/g, "[<id>]"),
        status: 200,
      },
    ];

    // The same-run baseline: a bare Fastify route that parses the JSON body and answers 201 with a body
    // of the API's size.
    const sample = await fetch(targets[0]!.url, {
      method: "POST",
      headers: targets[0]!.headers,
      body: targets[0]!.body.replaceAll("[<id>]", "sample"),
    });
    if (sample.status !== 201)
      throw new Error(`POST /api/v1/requests answered ${sample.status}: ${await sample.text()}`);
    const sampleBody = await sample.text();
    const bare = Fastify({ logger: false });
    bare.post("/baseline", async (_request, reply) =>
      reply.status(201).header("content-type", "application/json").send(sampleBody),
    );
    await bare.listen({ host: "127.0.0.1", port: 0 });
    servers.push(bare);
    const baseline: Target = {
      name: "bare Fastify JSON 201",
      url: `${urlOf(bare)}/baseline`,
      headers: { "content-type": "application/json" },
      body: targets[0]!.body,
      status: 201,
    };

    const rows: Array<Record<string, string | number>> = [];
    // BENCH_ONLY=api or form: one endpoint (to profile it with --cpu-prof).
    const only = process.env.BENCH_ONLY;
    // BENCH_BASELINE=0: no bare-route runs, so that a CPU profile holds Gardien's work only.
    const withBaseline = process.env.BENCH_BASELINE !== "0";
    for (const target of targets.filter((t) => !only || t.name.includes(only === "api" ? "/api/" : "form"))) {
      await measure(target, { amount: 500 }); // warm-up: JIT, statement caches
      if (withBaseline) await measure(baseline, { amount: 500 });
      const ours: Measure[] = [];
      const theirs: Measure[] = [];
      for (let r = 0; r < REPEATS; r++) {
        ours.push(await measure(target));
        if (withBaseline) theirs.push(await measure(baseline));
      }
      const rps = median(ours.map((m) => m.rps));
      const p99 = median(ours.map((m) => m.p99));
      const bare: Record<string, string> = withBaseline
        ? {
            "bare req/s": fmt(median(theirs.map((m) => m.rps)), 0),
            "bare p99 ms": fmt(median(theirs.map((m) => m.p99)), 1),
            "bare CPU µs/req": fmt(median(theirs.map((m) => m.cpuPerRequest)), 0),
            ratio: fmt(rps / median(theirs.map((m) => m.rps)), 2),
          }
        : {};
      rows.push({
        store: kind === "sqlite" ? "embedded (SQLite file)" : "PostgreSQL",
        endpoint: target.name,
        "req/s": fmt(rps, 0),
        "p99 ms": fmt(p99, 1),
        "CPU µs/req": fmt(median(ours.map((m) => m.cpuPerRequest)), 0),
        ...bare,
        goal:
          kind === "sqlite"
            ? `≥ ${GOAL_RPS}/s, p99 < ${GOAL_P99_MS} ms: ${rps >= GOAL_RPS && p99 < GOAL_P99_MS ? "met" : "NOT met"}`
            : "(reported)",
      });
    }
    await scheduler.stop();
    const stored = await ctx.db
      .selectFrom("requests")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    console.log(
      `${kind}: ${Number(stored?.n ?? 0)} requests stored; scheduler ran ${ticks.runs} times ` +
        `(${ticks.reminders} reminders, ${ticks.overdue} overdue flags, ${ticks.failed} failed runs)`,
    );
    return rows;
  } finally {
    await scheduler?.stop();
    for (const server of servers) await server.close();
    await close();
  }
}

/**
 * Intake throughput of data subject requests: `POST /api/v1/requests` (a scoped token, JSON) and the public
 * form `POST /o/{slug}/rights` (url-encoded, each post from its own client address), on the embedded store
 * and — when TEST_DATABASE_URL or DATABASE_URL is set — on PostgreSQL, while the rights scheduler runs every
 * second. Medians over runs, p99 latency, and the ratio to a bare Fastify route answering a JSON 201 in the
 * same run, and the server thread's CPU per request (steady when other processes share the host, which
 * requests/s are not). autocannon runs in a worker thread. Goal (issue 4): ≥ 1,000 requests/s with p99 < 50 ms
 * on the embedded store. BENCH_ONLY=api|form, BENCH_DURATION_S, BENCH_CONNECTIONS adjust a run.
 */
export async function run(): Promise<void> {
  const rows = await benchStore("sqlite");
  if (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL) rows.push(...(await benchStore("postgres")));
  else console.log("PostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL to bench it too");
  console.log(
    `rights: ${CONNECTIONS} connections, ${DURATION_S} s × ${REPEATS} runs each, medians; scheduler every ${SCHEDULER_INTERVAL_MS} ms`,
  );
  printTable(rows);
}
