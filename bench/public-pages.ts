import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Fastify, { type FastifyInstance } from "fastify";
import { openApp } from "../src/app/open-app.ts";
import { ConfigSchema } from "../src/config/config.schema.ts";
import { buildServer } from "../src/http/build-server.ts";
import { publishRegister } from "../src/publication/publish-register.ts";
import { fmt, median, printTable } from "./stats.ts";

const CONNECTIONS = 2;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const REPEATS = 3;
const GOAL = 0.8;
const PATH = "/o/regis/privacy";

function urlOf(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("server is not listening on TCP");
  return `http://127.0.0.1:${address.port}`;
}

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  return result.requests.average;
}

/**
 * Requests per second of the public privacy policy of the demo organisation Régis (served from the
 * public-page cache) against a bare Fastify route returning the same bytes, in the same process and run
 * (goal: ratio ≥ 0.8). The gap is what the cache lookup, language negotiation and headers cost.
 */
export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "gardien-bench-public-"));
  const config = Object.freeze(ConfigSchema.parse({ dataDir, logLevel: "silent", loadDemo: true }));
  const { ctx, close } = await openApp(config);
  const servers: FastifyInstance[] = [];
  try {
    const gardien = await buildServer(ctx);
    await gardien.listen({ host: "127.0.0.1", port: 0 });
    servers.push(gardien);
    await publishRegister(ctx, { slug: "regis", actor: "bench" });
    const gardienUrl = urlOf(gardien);

    const res = await fetch(`${gardienUrl}${PATH}`);
    if (res.status !== 200) throw new Error(`GET ${PATH} answered ${res.status}`);
    // The bare route sends the same bytes, pre-encoded as the cache keeps them: a fair floor.
    const body = Buffer.from(await res.arrayBuffer());
    const contentType = res.headers.get("content-type") ?? "text/html; charset=utf-8";
    const bare = Fastify({ logger: false });
    bare.get(PATH, async (_request, reply) => reply.header("content-type", contentType).send(body));
    await bare.listen({ host: "127.0.0.1", port: 0 });
    servers.push(bare);
    const bareUrl = urlOf(bare);

    await autocannon({ url: `${gardienUrl}${PATH}`, connections: CONNECTIONS, amount: 1000 });
    await autocannon({ url: `${bareUrl}${PATH}`, connections: CONNECTIONS, amount: 1000 });
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      ours.push(await requestsPerSecond(`${gardienUrl}${PATH}`));
      theirs.push(await requestsPerSecond(`${bareUrl}${PATH}`));
    }
    const g = median(ours);
    const b = median(theirs);
    const ratio = g / b;
    console.log(
      `public-pages: ${CONNECTIONS} connections, ${DURATION_S} s × ${REPEATS} runs each, median requests/s (SQLite, demo data)`,
    );
    printTable([
      {
        endpoint: `GET ${PATH}`,
        bytes: Buffer.byteLength(body),
        "gardien req/s": fmt(g, 0),
        "bare req/s": fmt(b, 0),
        ratio: fmt(ratio, 2),
        goal: `≥ ${GOAL} ${ratio >= GOAL ? "met" : "NOT met"}`,
      },
    ]);
  } finally {
    for (const server of servers) await server.close();
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
