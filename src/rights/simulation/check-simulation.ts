import assert from "node:assert/strict";
import type { SmtpTestServer } from "../../testing/smtp-test-server.ts";
import type { TestContext } from "../../testing/test-context.ts";
import { addDays, type CalendarDate } from "../deadlines/calendar-date.ts";
import { calendarDateIn } from "../requests/organisation-calendar.ts";
import { parisInstant } from "./paris-clock.ts";
import type { Org, Tracked } from "./simulation-types.ts";

const ZONE = "Europe/Paris";

export type SimulationTally = {
  inTime: number;
  lateFlagged: number;
  stillOpenFlagged: number;
  duplicates: number;
  withdrawn: number;
};

/**
 * The simulation's promises, checked against the store after the run: none lost (every arrival a row, numbers
 * without gaps); every request ended in time with no flag, or flagged once, the day after its due date and
 * before its late answer, with its overdue mail; each request's reminders exactly those due while it was open
 * (for the current due date and, when extended, the first one up to the extension); duplicates never reminded;
 * the SMTP sample delivered to the DPO and notified staff without requester data. Throws at the first breach.
 */
export async function checkSimulation(
  ctx: TestContext,
  smtp: SmtpTestServer,
  input: {
    requests: number;
    tracked: Tracked[];
    orgs: Org[];
    lastDay: CalendarDate;
    counts: { reminders: number; overdue: number };
    smtpMails: number;
  },
): Promise<SimulationTally> {
  // ---- None lost: every arrival is a row, numbered without gaps in its organisation.
  const rows = await ctx.db
    .selectFrom("requests")
    .select([
      "id",
      "org_id",
      "number",
      "status",
      "due_on",
      "overdue_at",
      "answered_at",
      "closed_at",
      "duplicate_of",
    ])
    .execute();
  assert.equal(rows.length, input.requests);
  assert.equal(input.tracked.length, input.requests);
  for (const org of input.orgs) {
    const numbers = rows
      .filter((r) => r.org_id === org.id)
      .map((r) => Number(r.number))
      .sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: numbers.length }, (_, i) => i + 1),
      org.slug,
    );
  }
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const mails = await ctx.db
    .selectFrom("request_mails")
    .select(["request_id", "kind", "dedupe_key", "created_at", "status"])
    .execute();
  // The staff side: reminders and overdue mails (the real lane's extensions also queue a notice to the person).
  const staffMails = mails.filter((m) => m.kind === "reminder" || m.kind === "overdue");
  const mailByKey = new Map(staffMails.map((m) => [m.dedupe_key!, m]));
  const mailsByRequest = Map.groupBy(staffMails, (m) => m.request_id!);
  const flags = await ctx.db
    .selectFrom("request_events")
    .select(["request_id"])
    .where("kind", "=", "overdue_flagged")
    .execute();
  const flagsByRequest = Map.groupBy(flags, (f) => f.request_id);

  // ---- Each request: in time, or reminded and flagged before it was answered; reminders exactly when due.
  const tally: SimulationTally = {
    inTime: 0,
    lateFlagged: 0,
    stillOpenFlagged: 0,
    duplicates: 0,
    withdrawn: 0,
  };
  for (const item of input.tracked) {
    const row = rowById.get(item.id);
    assert.ok(row, `request ${item.arrival.index} lost`);
    const mine = mailsByRequest.get(item.id) ?? [];
    if (item.duplicateOf) {
      tally.duplicates++;
      assert.equal(row.duplicate_of, item.duplicateOf);
      assert.equal(row.status, "closed");
      assert.deepEqual(mine, [], "a duplicate is never reminded");
      continue;
    }
    const org = input.orgs[item.orgIndex]!;
    const endedAt = row.answered_at ?? (row.status === "withdrawn" ? row.closed_at : null);
    const endedOn = endedAt ? calendarDateIn(new Date(endedAt), ZONE) : null;
    const late = endedOn === null ? input.lastDay > row.due_on : endedOn > row.due_on;
    const context = `${org.slug} request ${item.arrival.index} (${item.arrival.fate}, due ${row.due_on}, ended ${endedOn})`;
    if (row.status === "withdrawn") tally.withdrawn++;
    const expectedKeys = new Set<string>();
    const openAtRun = (date: CalendarDate) =>
      endedAt === null || new Date(endedAt).getTime() > parisInstant(date, "01:30").getTime();
    for (const d of org.thresholds) {
      if (openAtRun(addDays(row.due_on, -d))) expectedKeys.add(`reminder:${item.id}:${row.due_on}:${d}`);
      // Before an extension, the first due date's reminders went out on their days.
      if (item.extendedOn && addDays(item.originalDueOn, -d) <= item.extendedOn)
        expectedKeys.add(`reminder:${item.id}:${item.originalDueOn}:${d}`);
    }
    if (late) {
      assert.ok(row.overdue_at, `${context}: late without the overdue flag`);
      if (endedAt) assert.ok(row.overdue_at < endedAt, `${context}: flagged after the answer`);
      assert.equal(calendarDateIn(new Date(row.overdue_at), ZONE), addDays(row.due_on, 1), context);
      assert.equal(flagsByRequest.get(item.id)?.length, 1, `${context}: one overdue_flagged event`);
      expectedKeys.add(`overdue:${item.id}:${row.due_on}`);
      assert.equal(mailByKey.get(`overdue:${item.id}:${row.due_on}`)?.created_at, row.overdue_at);
      if (endedAt) tally.lateFlagged++;
      else tally.stillOpenFlagged++;
    } else {
      assert.equal(row.overdue_at, null, `${context}: flagged while in time`);
      assert.equal(flagsByRequest.get(item.id), undefined, context);
      tally.inTime++;
    }
    assert.deepEqual(new Set(mine.map((m) => m.dedupe_key)), expectedKeys, `${context}: reminders`);
    // The plan agrees with what the store says.
    if (item.arrival.fate === "on_time") assert.equal(late, false, context);
    if (item.arrival.fate === "late" || item.arrival.fate === "abandoned") assert.equal(late, true, context);
  }
  assert.equal(flags.length, tally.lateFlagged + tally.stillOpenFlagged, "one flag per late request");
  assert.equal(input.counts.overdue, flags.length);
  assert.equal(input.counts.reminders, mails.filter((m) => m.kind === "reminder").length);

  // ---- The sample delivered over SMTP: every mail queued until 40 had gone, to the right people.
  assert.ok(input.smtpMails > 0);
  await smtp.waitFor(input.smtpMails);
  assert.equal(smtp.mails.length, input.smtpMails);
  assert.equal(mails.filter((m) => m.status === "sent").length, input.smtpMails);
  for (const mail of smtp.mails.filter((m) => !m.to.some((to) => to.endsWith("@example.net")))) {
    const dpo = input.orgs.find((o) => mail.to.includes(o.dpo));
    assert.ok(dpo, "every reminder reaches a DPO");
    for (const address of dpo.notify) assert.ok(mail.to.includes(address));
    assert.ok(!/person-\d+@example\.net|Person \d+/.test(mail.body), "no requester data in a reminder");
  }
  return tally;
}
