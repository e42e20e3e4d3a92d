import assert from "node:assert/strict";
import { test } from "node:test";
import { pseudonymise } from "../pseudonymise.ts";
import { reidentify } from "../reidentify.ts";
import { createMemoryVaultStore } from "./create-memory-vault-store.ts";
import { createVault } from "./create-vault.ts";

test("pseudonymise then reidentify gives the original text back", async () => {
  const vault = createVault();
  const original = "Bonjour, je suis Jean Dupont, jean.dupont@exemple.fr, tél. 06 12 34 56 78.";
  const { text } = await pseudonymise(original, { vault, scope: "c1" });
  assert.equal(text, "Bonjour, je suis <PERSON_1>, <EMAIL_1>, tél. <PHONE_1>.");
  assert.equal(await reidentify(text, { vault, scope: "c1" }), original);
});

test("tokens are consistent across the messages of a conversation, numbered per type", async () => {
  const vault = createVault();
  const a = await pseudonymise("Marie Lambert a écrit à Pierre Lambert.", { vault, scope: "c1" });
  const b = await pseudonymise("Réponse de Pierre Lambert à Marie Lambert, cc 06 12 34 56 78 et 0612345678", {
    vault,
    scope: "c1",
  });
  assert.equal(a.text, "<PERSON_1> a écrit à <PERSON_2>.");
  assert.equal(b.text, "Réponse de <PERSON_2> à <PERSON_1>, cc <PHONE_1> et <PHONE_1>");
  // Another conversation numbers from 1 again and cannot read the first one's tokens.
  const c = await pseudonymise("Pierre Lambert", { vault, scope: "c2" });
  assert.equal(c.text, "<PERSON_1>");
  assert.equal(await reidentify("<PERSON_2>", { vault, scope: "c2" }), "<PERSON_2>");
});

test("tokens expire with the TTL: re-identification then leaves them as they are", async () => {
  let clock = 1_000;
  const store = createMemoryVaultStore();
  const vault = createVault({ ttlMs: 500, now: () => clock, store });
  const { text } = await pseudonymise("Mail: jean@exemple.fr", { vault, scope: "c1" });
  clock += 499;
  assert.equal(await reidentify(text, { vault, scope: "c1" }), "Mail: jean@exemple.fr");
  clock += 2;
  assert.equal(await reidentify(text, { vault, scope: "c1" }), "Mail: <EMAIL_1>");
  assert.equal(store.size(), 0);
});

test("purge drops expired conversations; forget drops one now", async () => {
  let clock = 0;
  const store = createMemoryVaultStore();
  const vault = createVault({ ttlMs: 100, now: () => clock, store });
  await vault.tokenise("a", [{ type: "EMAIL", value: "a@b.fr" }]);
  clock = 50;
  await vault.tokenise("b", [{ type: "EMAIL", value: "a@b.fr" }]);
  clock = 120;
  assert.equal(await store.purge(clock), 1);
  await vault.forget("b");
  assert.equal(store.size(), 0);
});

test("the store holds no plain value, and sealed values are bound to their conversation", async () => {
  const sealedSeen: Uint8Array[] = [];
  const inner = createMemoryVaultStore();
  const vault = createVault({
    store: {
      ...inner,
      assign: (scope, requests, seal, now, exp) =>
        inner.assign(
          scope,
          requests,
          (i) => {
            const s = seal(i);
            sealedSeen.push(s);
            return s;
          },
          now,
          exp,
        ),
    },
  });
  await vault.tokenise("c1", [{ type: "PERSON", value: "Jean Dupont" }]);
  assert.equal(sealedSeen.length, 1);
  assert.ok(!Buffer.from(sealedSeen[0]!).toString("latin1").includes("Jean"));
  // The same sealed bytes under another scope do not open (AES-GCM additional data).
  await inner.assign(
    "c2",
    [{ type: "PERSON", digest: "x" }],
    () => sealedSeen[0]!,
    0,
    Number.MAX_SAFE_INTEGER,
  );
  assert.deepEqual(await vault.reveal("c2", ["<PERSON_1>"]), [undefined]);
});
