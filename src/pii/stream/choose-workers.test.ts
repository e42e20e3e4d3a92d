import assert from "node:assert/strict";
import { test } from "node:test";
import { AUTO_WORKERS_MAX, AUTO_WORKERS_MIN_BYTES, chooseWorkers } from "./choose-workers.ts";

test("chooseWorkers: one thread for standard input and small files, one worker per core (capped) above", () => {
  assert.equal(chooseWorkers({ fileBytes: undefined, cores: 16 }), 1);
  assert.equal(chooseWorkers({ fileBytes: AUTO_WORKERS_MIN_BYTES - 1, cores: 16 }), 1);
  assert.equal(chooseWorkers({ fileBytes: AUTO_WORKERS_MIN_BYTES, cores: 2 }), 2);
  assert.equal(chooseWorkers({ fileBytes: 1e9, cores: 1 }), 1);
  assert.equal(chooseWorkers({ fileBytes: 1e9, cores: 64 }), AUTO_WORKERS_MAX);
});
