/**
 * Worker-thread entry of the simulation. The test runner watches every promise of its thread through async
 * hooks (about a third more CPU for promise-heavy code such as Kysely's); in a worker the simulation runs
 * without them. The report (or the first broken promise) goes back to the test.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type SimulationOptions, simulateThreeYears } from "./run-simulation.ts";

const report = await simulateThreeYears(workerData as SimulationOptions);
parentPort?.postMessage(report);
