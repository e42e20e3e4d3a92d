import assert from "node:assert/strict";
import { test } from "node:test";
import { detect } from "../detect.ts";
import { redact, redactSync } from "../redact.ts";
import { applyOperators } from "./apply-operators.ts";
import { maskValue } from "./mask-value.ts";
import { parseOperatorPlan } from "./operator.ts";

const text = "Jean Dupont, jean.dupont@exemple.fr, 06 12 34 56 78";
const key = new Uint8Array(32).fill(7);

test("replace gives <TYPE>, redact removes the value", async () => {
  assert.equal((await redact(text)).text, "<PERSON>, <EMAIL>, <PHONE>");
  const removed = await redact(text, { plan: { default: { kind: "redact" } } });
  assert.equal(removed.text, ", , ");
});

test("mask keeps the last N letters and digits and the separators", async () => {
  assert.equal(maskValue("06 12 34 56 78", 4), "** ** ** 56 78");
  assert.equal(maskValue("4111111111111111", 4), "************1111");
  assert.equal(maskValue("abc", 0), "***");
  const out = await redact(text, {
    plan: { default: { kind: "replace" }, byType: { PHONE: { kind: "mask", keep: 2 } } },
  });
  assert.equal(out.text, "<PERSON>, <EMAIL>, ** ** ** ** 78");
});

test("hash is keyed HMAC-SHA-256: equal values (any spacing) give equal output, other keys differ", async () => {
  const plan = { default: { kind: "hash" as const } };
  const a = await redact("06 12 34 56 78 et 0612345678", { plan, hashKey: key });
  const [first, second] = a.text.split(" et ");
  assert.match(first!, /^<PHONE:[0-9a-f]{16}>$/);
  assert.equal(first, second);
  const b = await redact("06 12 34 56 78", { plan, hashKey: new Uint8Array(32).fill(8) });
  assert.notEqual(b.text, first);
  await assert.rejects(redact("06 12 34 56 78", { plan }));
});

test("operators apply per type; parseOperatorPlan reads TYPE=op lists and rejects unknown ones", async () => {
  const plan = parseOperatorPlan("EMAIL=mask:3,PERSON=redact", { default: { kind: "replace" } });
  const out = await applyOperators(text, detect(text), { plan });
  assert.equal(out, ", ****.******@******e.fr, <PHONE>");
  assert.throws(() => parseOperatorPlan("EMAIL=shred", { default: { kind: "replace" } }), /operator/);
  assert.throws(() => parseOperatorPlan("NAME=replace", { default: { kind: "replace" } }), /unknown type/);
  assert.equal(parseOperatorPlan("*=hash", { default: { kind: "replace" } }).default.kind, "hash");
});

test("redactSync gives what redact gives, for every operator but pseudonymise, which it refuses", async () => {
  const { generateCorpus } = await import("../../../test/fixtures/pii/generate-corpus.ts");
  const plans = [
    { default: { kind: "replace" as const } },
    { default: { kind: "redact" as const } },
    { default: { kind: "mask" as const, keep: 3 } },
    { default: { kind: "hash" as const } },
  ];
  const messages = generateCorpus(300, 5).map((m) => m.text);
  for (const plan of plans) {
    for (const message of messages) {
      const sync = redactSync(message, { plan, hashKey: key });
      const awaited = await redact(message, { plan, hashKey: key });
      assert.deepEqual(sync, awaited);
    }
  }
  assert.throws(
    () => redactSync(text, { plan: { default: { kind: "pseudonymise" } } }),
    /pseudonymise operator needs a vault/,
  );
  assert.equal(
    redactSync("rien à signaler", { plan: { default: { kind: "pseudonymise" } } }).text,
    "rien à signaler",
    "nothing found: nothing to pseudonymise, nothing refused",
  );
});
