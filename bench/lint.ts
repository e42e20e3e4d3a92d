import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { lintRegister } from "../src/lint/lint-register.ts";
import { RegisterFile } from "../src/register/model/register-file.schema.ts";
import { sampleActivity, sampleOrganisation } from "../src/testing/fixtures.ts";
import { fmt, median } from "./stats.ts";

const ACTIVITIES = 1000;
const RUNS = 9;

function bigRegister(): RegisterFile {
  const activities = Array.from({ length: ACTIVITIES }, (_, i) =>
    sampleActivity(`act-${String(i).padStart(4, "0")}`, {
      name: { fr: `Traitement ${i}`, en: `Processing ${i}` },
      purposes: [
        {
          main: true,
          description: { fr: `Finalité ${i}`, en: `Purpose ${i}` },
          legalBasis: { code: "6.1.b" },
        },
        { description: { fr: `Prospection ${i}`, en: `Prospecting ${i}` }, legalBasis: { code: "6.1.f" } },
        { description: { fr: `Newsletter ${i}`, en: `Newsletter ${i}` }, legalBasis: { code: "6.1.a" } },
      ],
      recipients: [
        { kind: "internal", name: { fr: "Ventes", en: "Sales" } },
        { kind: "processor", name: { fr: "Hébergeur", en: "Host" }, processorRef: `proc-${i % 20}` },
      ],
      transfers:
        i % 10 === 0
          ? [{ recipient: "Hébergeur", processorRef: `proc-${i % 20}`, country: "US", mechanism: "scc" }]
          : [],
      noTransferOutsideEea: i % 10 !== 0,
    }),
  );
  const processors = Array.from({ length: 20 }, (_, i) => ({
    ref: `proc-${i}`,
    name: `Processor ${i}`,
    country: i % 2 ? "IE" : "US",
    dpa: { signed: i % 3 !== 0 },
  }));
  return RegisterFile.parse({
    gardien: 1,
    organisation: sampleOrganisation("bench"),
    processors,
    activities,
  });
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Lints 1,000 activities in process (goal: < 0.1 ms per activity), against the baseline of touching
 * every field once (JSON.stringify of the same register); then times the whole `gardien lint --org regis`
 * command (goal: < 300 ms wall) against a bare `node -e 0` start.
 */
export async function run(): Promise<void> {
  const register = bigRegister();
  lintRegister(register); // warm-up: JIT and lazy tables
  const lintMs = median(Array.from({ length: RUNS }, () => time(() => lintRegister(register))));
  const walkMs = median(Array.from({ length: RUNS }, () => time(() => JSON.stringify(register))));
  const findings = lintRegister(register).length;

  const dataDir = mkdtempSync(join(tmpdir(), "gardien-bench-lint-"));
  const node = process.execPath;
  const env = { ...process.env, GARDIEN_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  const cli = () =>
    spawnSync(node, ["bin/gardien.js", "lint", "--org", "regis", "--format", "json"], {
      cwd: join(import.meta.dirname, ".."),
      env,
      encoding: "utf8",
    });
  const first = cli(); // first start loads the demo organisations: not what is measured
  if (first.status !== 0 && first.status !== 1) throw new Error(`gardien lint failed: ${first.stderr}`);
  const cliMs = median(Array.from({ length: RUNS }, () => time(() => void cli())));
  const bareMs = median(Array.from({ length: RUNS }, () => time(() => void spawnSync(node, ["-e", "0"]))));
  rmSync(dataDir, { recursive: true, force: true });

  console.log(`lint: ${ACTIVITIES} activities, ${findings} findings, median of ${RUNS} runs`);
  console.table([
    {
      measure: "lintRegister, ms per activity",
      value: fmt(lintMs / ACTIVITIES, 4),
      baseline: `JSON.stringify ${fmt(walkMs / ACTIVITIES, 4)}`,
      ratio: fmt(lintMs / walkMs, 2),
      goal: "< 0.1 ms",
    },
    {
      measure: "gardien lint --org regis, ms wall",
      value: fmt(cliMs, 1),
      baseline: `node -e 0 ${fmt(bareMs, 1)}`,
      ratio: fmt(cliMs / bareMs, 2),
      goal: "< 300 ms",
    },
  ]);
}
