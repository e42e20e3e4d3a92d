import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { updateOrganisation } from "../../register/organisations/update-organisation.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import {
  type CapturedMail,
  mailHeader,
  type SmtpTestServer,
  startSmtpTestServer,
} from "../../testing/smtp-test-server.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { extendDueDate } from "../deadlines/extend-due-date.ts";
import { createRequest } from "../requests/create-request.ts";
import { sealAssignee } from "../requests/request-record.ts";
import { transitionRequest } from "../requests/transition-request.ts";
import { updateRightsSettings } from "../settings/rights-settings.ts";
import { runReminders } from "./run-reminders.ts";

const ASSIGNEE = "lea.dupont@acme.example";
const DPO = "dpo@acme.example";
const NOTIFY = "ops@acme.example";
// Globex has no DPO: its reminders go to the register's rights contact.
const GLOBEX_CONTACT = "privacy@example.org";

/** The Subject header decoded from RFC 2047 encoded words, as a mail client shows it. */
function subjectOf(mail: CapturedMail): string {
  return (mailHeader(mail, "Subject") ?? "")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_h, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            "latin1",
          ).toString("utf8"),
    );
}

describe("runReminders (real SMTP server on loopback)", () => {
  let ctx: TestContext;
  let smtp: SmtpTestServer;
  let acme: string;
  let globex: string;
  const ids: Record<string, string> = {};
  const refs: Record<string, string> = {};

  /** Runs at an instant and returns the mails that arrived because of it. */
  async function runAt(iso: string) {
    ctx.setNow(iso);
    const before = smtp.mails.length;
    const result = await runReminders(ctx);
    return { result, mails: smtp.mails.slice(before) };
  }

  async function reminderMails(requestId: string) {
    return ctx.db
      .selectFrom("request_mails")
      .select(["kind", "dedupe_key", "status"])
      .where("request_id", "=", requestId)
      .where("kind", "in", ["reminder", "overdue"])
      .orderBy("created_at")
      .execute();
  }

  before(async () => {
    smtp = await startSmtpTestServer();
    ctx = await createTestContext("rights-run-reminders", {
      smtpUrl: smtp.url,
      publicUrl: "https://gardien.acme.example",
    });
    acme = (
      await createOrganisation(ctx, {
        body: { ...sampleOrganisation("acme"), dpo: { name: "Agnès DPO", email: DPO } },
        actor: "test",
      })
    ).id;
    globex = (
      await createOrganisation(ctx, {
        body: { ...sampleOrganisation("globex"), settings: { defaultLanguage: "en" } },
        actor: "test",
      })
    ).id;
    await updateRightsSettings(ctx, { orgId: acme, actor: "test", settings: { notifyEmails: [NOTIFY] } });
    await updateRightsSettings(ctx, { orgId: globex, actor: "test", settings: { reminderDaysBefore: [10] } });

    // Everything arrives on Monday 1 February 2027 (Paris): due Monday 1 March 2027.
    ctx.setNow("2027-02-01T09:00:00Z");
    const create = async (name: string, orgId: string, email: string, extra: object = {}) => {
      const { request } = await createRequest(ctx, {
        orgId,
        actor: "test",
        input: { type: "access", channel: "api", requester: { name: `Person ${name}`, email }, ...extra },
      });
      ids[name] = request.id;
      refs[name] = request.reference;
      return request;
    };
    const a = await create("A", acme, "jeanne.martin@example.net", { identityVerified: true });
    assert.equal(a.dueOn, "2027-03-01");
    await ctx.db
      .updateTable("requests")
      .set({ assignee_sealed: sealAssignee(ctx.config, a.id, ASSIGNEE) })
      .where("id", "=", a.id)
      .execute();
    await create("B", acme, "paul.durand@example.net", { identityVerified: true });
    await create("C", acme, "answered@example.net", { identityVerified: true });
    await create("D", acme, "withdrawn@example.net");
    await create("E", acme, "jeanne.martin@example.net"); // a duplicate of A
    await create("F", acme, "closed@example.net", { identityVerified: true });
    await create("G", globex, "globex.customer@example.net", { identityVerified: true });
    await transitionRequest(ctx, {
      orgId: acme,
      requestId: ids.C!,
      to: "answered",
      outcome: "granted",
      actor: "test",
    });
    await transitionRequest(ctx, { orgId: acme, requestId: ids.D!, to: "withdrawn", actor: "test" });
    await transitionRequest(ctx, {
      orgId: acme,
      requestId: ids.F!,
      to: "answered",
      outcome: "refused",
      actor: "test",
    });
    await transitionRequest(ctx, { orgId: acme, requestId: ids.F!, to: "closed", actor: "test" });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
  });

  test("an organisation's own threshold: Globex is reminded 10 days before, in English, at its rights contact", async () => {
    const { result, mails } = await runAt("2027-02-19T08:00:00Z");
    assert.equal(result.reminders, 1);
    assert.equal(mails.length, 1);
    const mail = mails[0]!;
    assert.deepEqual(mail.to, [GLOBEX_CONTACT]);
    assert.equal(mailHeader(mail, "Content-Language"), "en");
    assert.match(subjectOf(mail), new RegExp(`Reminder: request ${refs.G}`));
    assert.match(mail.body, /\(Right of access, Art\. 15\)/);
    assert.match(mail.body, /Monday, 1 March 2027: 10 days left/);
    assert.match(
      mail.body,
      new RegExp(`https://gardien.acme.example/api/v1/organisations/globex/requests/${ids.G}`),
    );
    assert.ok(!mail.body.includes("globex.customer"), "no requester address in a staff reminder");
  });

  test("the 7-day reminder goes on the 7th day before in Paris (still the 8th in UTC), to assignee, DPO and notified staff, once", async () => {
    const early = await runAt("2027-02-21T22:00:00Z"); // 23:00 in Paris on the 21st: 8 days left
    assert.equal(early.mails.length, 0);
    assert.equal(early.result.reminders, 0);

    const { result, mails } = await runAt("2027-02-21T23:30:00Z"); // 00:30 in Paris on the 22nd
    assert.equal(result.reminders, 2, "A and B; not the answered, withdrawn, closed or duplicate ones");
    assert.equal(mails.length, 2);
    const mailA = mails.find((m) => m.to.includes(ASSIGNEE))!;
    assert.deepEqual([...mailA.to].sort(), [ASSIGNEE, DPO, NOTIFY].sort());
    assert.equal(mailHeader(mailA, "Content-Language"), "fr");
    assert.match(subjectOf(mailA), /Rappel : demande DSR-2027-0001 .*J-7/);
    assert.match(mailA.body, /\(Droit d'accès, art\. 15\)/);
    assert.match(mailA.body, /lundi 1 mars 2027 : il reste 7 jours/);
    assert.match(mailA.body, new RegExp(`/api/v1/organisations/acme/requests/${ids.A}`));
    for (const personal of ["Jeanne", "Martin", "jeanne.martin", "Person A"]) {
      assert.ok(!mailA.body.includes(personal) && !mailA.headers.includes(personal), personal);
    }

    // Reruns, two at once as two processes would, send nothing more.
    const again = await Promise.all([runReminders(ctx), runReminders(ctx), runReminders(ctx)]);
    assert.deepEqual(
      again.map((r) => r.reminders),
      [0, 0, 0],
    );
    assert.equal(smtp.mails.length, 3);
    assert.deepEqual(
      (await reminderMails(ids.A!)).map((m) => [m.kind, m.dedupe_key, m.status]),
      [["reminder", `reminder:${ids.A}:2027-03-01:7`, "sent"]],
    );
  });

  test("an extension moves the due date: the old reminders stop, new ones become due", async () => {
    const extended = extendDueDate({
      receivedOn: "2027-02-01",
      requestedOn: "2027-02-22",
      extraMonths: 2,
      reason: "complex",
      country: "FR",
    });
    assert.equal(extended.dueOn, "2027-05-03"); // 1 May 2027 is a Saturday and Labour Day
    ctx.setNow("2027-02-22T10:00:00Z");
    await ctx.db
      .updateTable("requests")
      .set({
        due_on: extended.dueOn,
        extension: JSON.stringify({ extraMonths: 2, reason: "complex", decidedOn: "2027-02-22" }),
      })
      .where("id", "=", ids.B!)
      .execute();

    const { result, mails } = await runAt("2027-02-27T08:00:00Z"); // Saturday: 2 days left for A
    assert.equal(
      result.reminders,
      1,
      "A's 2-day reminder only: B is now due in May, G was reminded at 10 days",
    );
    assert.match(subjectOf(mails[0]!), new RegExp(`${refs.A}.*J-2`));
    assert.match(mails[0]!.body, /il reste 2 jours/);
  });

  test("the day after the due date the request is flagged overdue once, and the same people are told", async () => {
    const dueDay = await runAt("2027-03-01T22:30:00Z"); // 23:30 in Paris: still the due date
    assert.equal(dueDay.mails.length, 0);
    assert.equal(dueDay.result.overdue, 0);

    const { result, mails } = await runAt("2027-03-01T23:30:00Z"); // 00:30 on 2 March in Paris
    assert.equal(result.overdue, 2, "A at Acme and G at Globex");
    const mailA = mails.find((m) => m.to.includes(ASSIGNEE))!;
    assert.deepEqual([...mailA.to].sort(), [ASSIGNEE, DPO, NOTIFY].sort());
    assert.match(subjectOf(mailA), /En retard : la demande DSR-2027-0001/);
    assert.match(mailA.body, /dépassé depuis 1 jour/);
    assert.match(mailA.body, /CNIL \(art\. 77\)/);
    const mailG = mails.find((m) => m.to.includes(GLOBEX_CONTACT))!;
    assert.match(subjectOf(mailG), /^Overdue: request/);
    assert.match(mailG.body, /It is 1 day late/);

    const flaggedAt = async (id: string) =>
      (
        await ctx.db
          .selectFrom("requests")
          .select("overdue_at")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).overdue_at;
    assert.equal(await flaggedAt(ids.A!), "2027-03-01T23:30:00.000Z");

    // Later runs, a day later and concurrently, neither flag again nor mail again.
    ctx.setNow("2027-03-03T09:00:00Z");
    const later = await Promise.all([runReminders(ctx), runReminders(ctx)]);
    assert.deepEqual(
      later.map((r) => [r.overdue, r.reminders]),
      [
        [0, 0],
        [0, 0],
      ],
    );
    assert.equal(await flaggedAt(ids.A!), "2027-03-01T23:30:00.000Z");
    const events = await ctx.db
      .selectFrom("request_events")
      .select(["kind", "actor", "data"])
      .where("request_id", "=", ids.A!)
      .where("kind", "in", ["overdue_flagged", "reminder_sent"])
      .orderBy("seq")
      .execute();
    assert.deepEqual(
      events.map((e) => e.kind),
      ["reminder_sent", "reminder_sent", "overdue_flagged", "reminder_sent"],
    );
    const flagged = events.find((e) => e.kind === "overdue_flagged")!;
    assert.equal(flagged.actor, "system");
    assert.deepEqual(JSON.parse(flagged.data), { dueOn: "2027-03-01", daysLate: 1, notified: 3 });
    assert.deepEqual(
      (await reminderMails(ids.A!)).map((m) => m.dedupe_key),
      [`reminder:${ids.A}:2027-03-01:7`, `reminder:${ids.A}:2027-03-01:2`, `overdue:${ids.A}:2027-03-01`],
    );
  });

  test("after the extension, B gets its reminders for the new date, at the register's DPO of the day", async () => {
    assert.equal((await runAt("2027-04-25T21:00:00Z")).mails.length, 0); // 23:00 in Paris, 8 days before
    // A new DPO is named in the register between two runs: the next reminder goes to them.
    await updateOrganisation(ctx, {
      slug: "acme",
      body: { ...sampleOrganisation("acme"), dpo: { email: "new.dpo@acme.example" } },
      actor: "test",
    });
    const b = await runAt("2027-04-25T22:30:00Z"); // 00:30 on 26 April in Paris (summer time)
    assert.equal(b.result.reminders, 1);
    assert.match(b.mails[0]!.body, /lundi 3 mai 2027 : il reste 7 jours/);
    assert.match(b.mails[0]!.body, /Le délai a déjà été prolongé/);
    assert.deepEqual([...b.mails[0]!.to].sort(), ["new.dpo@acme.example", NOTIFY]);
    assert.deepEqual(
      (await reminderMails(ids.B!)).map((m) => m.dedupe_key),
      [`reminder:${ids.B}:2027-03-01:7`, `reminder:${ids.B}:2027-05-03:7`],
    );
  });

  test("answered, withdrawn, closed and duplicate requests are never reminded nor flagged", async () => {
    for (const name of ["C", "D", "E", "F"]) {
      assert.deepEqual(await reminderMails(ids[name]!), [], name);
      const row = await ctx.db
        .selectFrom("requests")
        .select(["overdue_at", "status", "duplicate_of"])
        .where("id", "=", ids[name]!)
        .executeTakeFirstOrThrow();
      assert.equal(row.overdue_at, null, name);
    }
    const e = await ctx.db
      .selectFrom("requests")
      .select(["duplicate_of"])
      .where("id", "=", ids.E!)
      .executeTakeFirstOrThrow();
    assert.equal(e.duplicate_of, ids.A, "E was a duplicate of A, which carried the reminders");
    assert.equal(smtp.mails.length, 7, "G at 10 days, A and B at 7, A at 2, A and G overdue, B at 7 again");
    assert.equal((await verifyAudit(ctx.db)).valid, true);
    const audit = JSON.stringify(await ctx.db.selectFrom("audit_entries").selectAll().execute());
    const timeline = JSON.stringify(await ctx.db.selectFrom("request_events").selectAll().execute());
    for (const personal of [ASSIGNEE, DPO, NOTIFY, "jeanne"]) {
      assert.ok(!audit.includes(personal) && !timeline.includes(personal), personal);
    }
  });
});

describe("runReminders without anyone to remind", () => {
  test("still flags the overdue request (the flag is what staff see), queues nothing, and says so", async () => {
    const ctx = await createTestContext("rights-run-reminders-nobody");
    try {
      const { rightsContact: _none, ...withoutContact } = sampleOrganisation("lonely");
      const orgId = (await createOrganisation(ctx, { body: withoutContact, actor: "test" })).id;
      ctx.setNow("2027-02-01T09:00:00Z");
      const { request } = await createRequest(ctx, {
        orgId,
        actor: "test",
        input: { type: "objection", channel: "api", requester: { email: "x@example.net" } },
      });
      ctx.setNow("2027-02-27T09:00:00Z");
      const reminder = await runReminders(ctx);
      assert.deepEqual([reminder.reminders, reminder.withoutRecipient], [0, 1]);
      ctx.setNow("2027-03-02T09:00:00Z");
      const overdue = await runReminders(ctx);
      assert.deepEqual([overdue.overdue, overdue.withoutRecipient], [1, 1]);
      const row = await ctx.db
        .selectFrom("requests")
        .select("overdue_at")
        .where("id", "=", request.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.overdue_at, "2027-03-02T09:00:00.000Z");
      assert.equal((await ctx.db.selectFrom("request_mails").select("id").execute()).length, 0);
      assert.equal((await runReminders(ctx)).overdue, 0);
    } finally {
      await ctx.close();
    }
  });
});
