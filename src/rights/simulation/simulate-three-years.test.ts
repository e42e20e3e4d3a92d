/**
 * The "Measures": three years, 20,000 requests arriving at random and handled with random delays.
 * Every request is answered in time or was reminded and flagged overdue before its late answer; none is lost;
 * none is silently late. The simulation and its checks are in run-simulation.ts; it runs in a worker thread
 * (see simulation-worker.ts). SIM_REQUESTS=2000 runs a shorter one while working on it; SIM_REAL_ORGS=20
 * sends every request through createRequest and transitionRequest.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import type { SimulationOptions, SimulationReport } from "./run-simulation.ts";

const options: SimulationOptions = {
  requests: Number(process.env.SIM_REQUESTS ?? 20_000),
  seed: 20_261_124,
  // Four of the twenty organisations (about 29% of the requests) go through the real operations; the rest
  // through the bulk lane. SIM_REAL_ORGS=20 runs everything through them (slower: see the report).
  realOrganisations: Number(process.env.SIM_REAL_ORGS ?? 4),
};

function runInWorker(): Promise<SimulationReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./simulation-worker.ts", import.meta.url), { workerData: options });
    let report: SimulationReport | undefined;
    worker.once("message", (message: SimulationReport) => {
      report = message;
    });
    worker.once("error", reject);
    worker.once("exit", (code) =>
      report && code === 0 ? resolve(report) : reject(new Error(`simulation worker exited with ${code}`)),
    );
  });
}

test(`three years, ${options.requests} requests: answered in time, or reminded and flagged overdue; none lost`, {
  timeout: 900_000,
}, async (t) => {
  const r = await runInWorker();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  t.diagnostic(
    `${r.dialect}: ${r.requests} requests (${r.realRequests} through the real operations) over ${r.days} ` +
      `days in ${s(r.wallMs)} (process CPU ${s(r.cpuMs)}; ` +
      `arrivals ${s(r.phasesMs.arrivals)}, staff steps ${s(r.phasesMs.steps)}, daily reminder runs ` +
      `${s(r.phasesMs.reminders)}, SMTP sample ${s(r.phasesMs.smtp)}, checks ${s(r.phasesMs.checks)}); ` +
      `${r.inTime} in time, ${r.lateFlagged} answered late after the flag, ${r.stillOpenFlagged} still open ` +
      `and flagged, ${r.withdrawn} withdrawn, ${r.duplicates} duplicates; ${r.reminders} reminders, ` +
      `${r.overdueFlags} overdue flags, ${r.smtpMails} mails over SMTP`,
  );
  assert.equal(r.requests, options.requests);
  assert.equal(r.inTime + r.lateFlagged + r.stillOpenFlagged + r.duplicates, options.requests);
  // The seed decides the story: these counts change only if the simulation or the workflow does.
  if (options.requests === 20_000) {
    assert.deepEqual(
      [r.inTime, r.lateFlagged, r.stillOpenFlagged, r.duplicates, r.reminders, r.overdueFlags],
      [16_567, 2_638, 114, 681, 11_100, 2_752],
    );
  }
});
