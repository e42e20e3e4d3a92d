import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runCliCapture } from "../../testing/run-cli-capture.ts";
import { createTestStoreEnv } from "../../testing/test-store-env.ts";

const LETTER = [
  "--org",
  "regis",
  "--type",
  "access",
  "--channel",
  "letter",
  "--received-at",
  "2025-03-03",
  "--name",
  "Jeanne Quillardet",
  "--postal-address",
  "12 rue des Lilas, 75011 Paris",
];

describe("gardien requests …", () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  const cli = (...argv: string[]) => runCliCapture(argv, env);
  let id: string;

  before(async () => {
    ({ env, cleanup } = await createTestStoreEnv("requests-cli"));
  });
  after(() => cleanup());

  test("create: a letter entered from the command line, due one month from its receipt", async () => {
    const out = await cli("requests", "create", ...LETTER, "--activity", "prospects-formulaire-contact");
    assert.equal(out.code, 0, out.stderr);
    id = out.stdout.trim();
    assert.match(id, /^[0-9a-f-]{36}$/);
    // Received Monday 3 March 2025: due Thursday 3 April 2025.
    assert.equal(
      out.stderr,
      "DSR-2025-0001: access, awaiting_identity, received 2025-03-03, due 2025-04-03\n" +
        "No e-mail address: check the person's identity yourselves and record it (POST …/requests/ID/identity/verify).\n",
    );
    const json = await cli(
      "requests",
      "create",
      "--org",
      "regis",
      "--type",
      "erasure",
      "--channel",
      "email",
      "--received-at",
      "2025-03-04T09:15:00+01:00",
      "--email",
      "paul.tessier@example.net",
      "--identity-verified",
      "--json",
    );
    assert.equal(json.code, 0, json.stderr);
    const created = JSON.parse(json.stdout);
    assert.equal(created.status, "in_progress");
    assert.equal(created.channel, "email");
    assert.equal(created.overdue, true, "long past its due date");
    assert.equal(created.identityCheck, "not_needed");
    assert.equal(json.stdout.includes("paul.tessier"), false, "the summary holds nothing of the requester");
    const byMail = await cli(
      "requests",
      "create",
      "--org",
      "regis",
      "--type",
      "objection",
      "--channel",
      "email",
      "--received-at",
      "2025-03-05",
      "--email",
      "marc.vidal@example.net",
    );
    assert.equal(byMail.code, 0, byMail.stderr);
    assert.ok(
      byMail.stderr.endsWith(
        "The identity link is queued for the requester's e-mail; the server sends it.\n",
      ),
    );
  });

  test("list: compact, filtered, without the requester; --json for scripts", async () => {
    const out = await cli("requests", "list", "--org", "regis", "--status", "open");
    assert.equal(out.code, 0, out.stderr);
    const lines = out.stdout.trim().split("\n");
    assert.equal(lines.length, 4);
    assert.match(
      lines[0]!,
      /^DSR-2025-0001 {2}access +awaiting_identity +due 2025-04-03 {2}[0-9a-f-]{36} {2}OVERDUE$/,
    );
    assert.match(lines[3]!, /^3 of 3 \(today \d{4}-\d{2}-\d{2}\)$/);
    assert.equal(out.stdout.includes("Quillardet"), false);
    const json = JSON.parse(
      (await cli("requests", "list", "--org", "regis", "--type", "erasure", "--json")).stdout,
    );
    assert.equal(json.total, 1);
    assert.equal(json.items[0].type, "erasure");
    const overdue = await cli("requests", "list", "--org", "regis", "--overdue", "--json");
    assert.equal(JSON.parse(overdue.stdout).total, 3);
  });

  test("show: who asked and the timeline, for staff at the terminal", async () => {
    const out = await cli("requests", "show", "--org", "regis", id);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^DSR-2025-0001 \([0-9a-f-]{36}\), revision 1\n/);
    assert.ok(out.stdout.includes("Jeanne Quillardet"));
    assert.ok(out.stdout.includes("12 rue des Lilas, 75011 Paris"));
    assert.ok(out.stdout.includes("prospects-formulaire-contact"));
    assert.match(out.stdout, / cli +created /);
    const json = JSON.parse((await cli("requests", "show", "--org", "regis", id, "--json")).stdout);
    assert.equal(json.request.requester.name, "Jeanne Quillardet");
    assert.equal(json.timeline[0].kind, "created");
  });

  test("transition: moves along the workflow, with a sealed note and a revision check", async () => {
    const moved = await cli(
      "requests",
      "transition",
      "--org",
      "regis",
      id,
      "--to",
      "in_progress",
      "--revision",
      "1",
    );
    assert.equal(moved.code, 0, moved.stderr);
    assert.equal(moved.stdout, "DSR-2025-0001: in_progress, revision 2\n");
    const stale = await cli(
      "requests",
      "transition",
      "--org",
      "regis",
      id,
      "--to",
      "awaiting_processors",
      "--revision",
      "1",
    );
    assert.equal(stale.code, 4, "a stale revision is a conflict");
    const noOutcome = await cli("requests", "transition", "--org", "regis", id, "--to", "answered");
    assert.equal(noOutcome.code, 2);
    assert.match(noOutcome.stderr, /--outcome/);
    const answered = await cli(
      "requests",
      "transition",
      "--org",
      "regis",
      id,
      "--to",
      "answered",
      "--outcome",
      "granted",
      "--note",
      "Copie envoyée par courrier",
      "--json",
    );
    assert.equal(answered.code, 0, answered.stderr);
    assert.equal(JSON.parse(answered.stdout).outcome, "granted");
    const illegal = await cli("requests", "transition", "--org", "regis", id, "--to", "withdrawn");
    assert.equal(illegal.code, 4);
    const shown = await cli("requests", "show", "--org", "regis", id);
    assert.ok(shown.stdout.includes("Copie envoyée par courrier"));
    const audit = await cli("audit", "verify", "--org", "regis");
    assert.equal(audit.code, 0, audit.stdout);
  });

  test("bad input exits 2 naming the flag; an unknown organisation or request exits 3", async () => {
    const without = (flag: string) => {
      const i = LETTER.indexOf(flag);
      return [...LETTER.slice(0, i), ...LETTER.slice(i + 2)];
    };
    const cases: Array<[string[], string]> = [
      [["requests", "create", ...LETTER.map((a) => (a === "access" ? "acces" : a))], "--type"],
      [["requests", "create", ...LETTER.map((a) => (a === "letter" ? "fax" : a))], "--channel"],
      [["requests", "create", ...without("--received-at")], "--received-at"],
      [
        ["requests", "create", ...LETTER.map((a) => (a === "2025-03-03" ? "03/03/2025" : a))],
        "--received-at",
      ],
      [["requests", "create", ...without("--postal-address")], "--email"],
      [["requests", "create", ...LETTER, "--email", "jeanne@"], "--email"],
      [["requests", "create", ...LETTER, "--activity", "crm,nope"], "--activity"],
      [
        ["requests", "create", ...LETTER.map((a) => (a === "2025-03-03" ? "2099-01-01" : a))],
        "--received-at",
      ],
      [["requests", "list", "--org", "regis", "--status", "lost"], "--status"],
      [["requests", "list", "--org", "regis", "--limit", "0"], "--limit"],
      [["requests", "show", "--org", "regis"], "ID"],
      [["requests", "show", "--org", "regis", "42"], "ID"],
      [["requests", "transition", "--org", "regis", id], "--to"],
      [["requests", "transition", "--org", "regis", id, "--to", "done"], "--to"],
    ];
    for (const [argv, flag] of cases) {
      const out = await cli(...argv);
      assert.equal(out.code, 2, `${argv.join(" ")}: ${out.stderr}`);
      assert.ok(out.stderr.includes(flag), `${argv.join(" ")} names ${flag}: ${out.stderr}`);
      assert.equal(out.stderr.includes("Quillardet"), false);
      assert.equal(out.stderr.includes("Lilas"), false);
    }
    const unknownOrg = await cli("requests", "list", "--org", "nobody");
    assert.equal(unknownOrg.code, 3);
    const unknownId = await cli("requests", "show", "--org", "regis", "00000000-0000-4000-8000-000000000000");
    assert.equal(unknownId.code, 3);
    const otherOrg = await cli("requests", "show", "--org", "logeas", id);
    assert.equal(otherOrg.code, 3, "another organisation's request is not found");
    const count = JSON.parse(
      (await cli("requests", "list", "--org", "regis", "--include-duplicates", "--json")).stdout,
    );
    assert.equal(count.total, 3, "nothing was stored by the refused commands");
  });
});
