/**
 * The "Measures" simulation: a clock run over three years with 20,000 requests arriving at random and
 * handled with random delays (seeded: a failure replays). The scheduler's logic runs once a day at 01:30 Paris
 * time; staff act at noon; requests arrive all day. At the end every request is either answered on or before
 * its due date, or was reminded and flagged overdue before it was answered late; none is lost; none is
 * silently late. Mail goes through the real outbox; the first 40 or so are also delivered to a real SMTP server
 * on loopback (each SMTP session costs ~0.1 s: delivering all 14,000 would time SMTP, not the workflow); the
 * outbox rows of all of them are checked.
 *
 * Two lanes. The first organisations (about 29% of the requests by default) go through `createRequest`,
 * `transitionRequest` and the letters helper's `extendRequest` (which also queues the notice to the person),
 * concurrently, as the API would. The others are written a day at a time by bulk-workflow.ts with the same
 * columns: the reminders see the same rows, and the run fits in a minute on PostgreSQL (all 20,000 through the
 * real operations took 83 s there, 39 s on SQLite). Every request, in either lane, goes through the real
 * `runReminders`.
 *
 * Run by simulate-three-years.test.ts in a worker thread (see there). Throws at the first broken promise.
 */
import assert from "node:assert/strict";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import type { TestContext } from "../../testing/test-context.ts";
import { addDays, type CalendarDate } from "../deadlines/calendar-date.ts";
import { deliverDueMails } from "../reminders/deliver-due-mails.ts";
import { runReminders } from "../reminders/run-reminders.ts";
import { createRequest } from "../requests/create-request.ts";
import { calendarDateIn } from "../requests/organisation-calendar.ts";
import { sealAssignee } from "../requests/request-record.ts";
import { transitionRequest } from "../requests/transition-request.ts";
import { updateRightsSettings } from "../settings/rights-settings.ts";
import { applySteps, type BulkStep, insertArrivals } from "./bulk-workflow.ts";
import { checkSimulation } from "./check-simulation.ts";
import { parisInstant } from "./paris-clock.ts";
import { extendInSimulation, inPool } from "./real-workflow.ts";
import { createSimulationContext } from "./simulation-context.ts";
import { type Arrival, type PlannedStep, planArrivals, planSteps } from "./simulation-plan.ts";
import type { Org, Tracked } from "./simulation-types.ts";

const ORGANISATIONS = 20;
const START: CalendarDate = "2027-01-01";
const DAYS = 1096; // 2027, 2028 (leap), 2029
/** Mails delivered over SMTP before the rest are only checked in the outbox (each SMTP session costs ~0.1 s). */
const SMTP_SAMPLE_MAILS = 40;
const CONCURRENCY = 8;
const ZONE = "Europe/Paris";

export type SimulationOptions = {
  requests: number;
  seed: number;
  /** The first N organisations run through the real operations, the others through the bulk lane. */
  realOrganisations: number;
};

export type SimulationReport = {
  dialect: string;
  requests: number;
  /** Requests that went through createRequest / transitionRequest (the rest: the bulk lane). */
  realRequests: number;
  days: number;
  wallMs: number;
  cpuMs: number;
  phasesMs: { arrivals: number; steps: number; reminders: number; smtp: number; checks: number };
  inTime: number;
  lateFlagged: number;
  stillOpenFlagged: number;
  withdrawn: number;
  duplicates: number;
  reminders: number;
  overdueFlags: number;
  smtpMails: number;
};

/** Runs the three years on a fresh test store and checks every request; resolves with what happened. */
export async function simulateThreeYears(options: SimulationOptions): Promise<SimulationReport> {
  const smtp = await startSmtpTestServer();
  const ctx = await createSimulationContext(smtp.url);
  try {
    return await simulate(ctx, smtp, options);
  } finally {
    await ctx.close();
    await smtp.close();
  }
}

async function simulate(
  ctx: TestContext,
  smtp: SmtpTestServer,
  { requests: REQUESTS, seed: SEED, realOrganisations }: SimulationOptions,
): Promise<SimulationReport> {
  const started = performance.now();
  const orgs: Org[] = [];
  for (let i = 0; i < ORGANISATIONS; i++) {
    const slug = `org-${String(i).padStart(2, "0")}`;
    const dpo = `dpo@${slug}.example`;
    const alsaceMoselle = i % 7 === 3;
    const lang = i % 5 === 0 ? "en" : "fr";
    const body = {
      ...sampleOrganisation(slug),
      dpo: { email: dpo },
      settings: { defaultLanguage: lang, alsaceMoselle },
    } as const;
    const id = (await createOrganisation(ctx, { body, actor: "simulation" })).id;
    const notify = i % 4 === 1 ? [`team@${slug}.example`] : [];
    const thresholds = i === 2 ? [10, 3, 1] : [7, 2];
    await updateRightsSettings(ctx, {
      orgId: id,
      actor: "simulation",
      settings: { notifyEmails: notify, reminderDaysBefore: thresholds },
    });
    orgs.push({
      id,
      slug,
      dpo,
      notify,
      thresholds,
      alsaceMoselle,
      real: i < realOrganisations,
      lang,
      next: 1,
    });
  }

  const arrivals = planArrivals({
    seed: SEED,
    start: START,
    days: DAYS,
    count: REQUESTS,
    organisations: ORGANISATIONS,
  });
  const arrivalsByDay = Map.groupBy(arrivals, (a) => a.day);
  const stepsByDay = new Map<CalendarDate, Array<{ tracked: Tracked; step: PlannedStep }>>();
  const tracked: Tracked[] = [];
  const openByOrg = orgs.map(() => new Set<Tracked>());
  const timings = { reminders: 0, steps: 0, arrivals: 0, smtp: 0 };
  const counts = { reminders: 0, overdue: 0, candidates: 0, runs: 0 };
  let smtpSampleRows = 0;
  let lastDay = addDays(START, DAYS - 1);

  /** Who asks: a new person, or (a duplicate) the person of an open request of the same organisation. */
  const whoAsks = (arrival: Arrival) => {
    const open = [...openByOrg[arrival.org]!];
    const first = arrival.fate === "duplicate" && open.length > 0 ? open[arrival.index % open.length]! : null;
    // The minute is scaled to the day's length: 23 or 25 hours on the nights clocks change.
    const dayStart = parisInstant(arrival.day, "00:00").getTime();
    const dayLength = parisInstant(addDays(arrival.day, 1), "00:00").getTime() - dayStart;
    return {
      first,
      email: first ? first.email : `person-${arrival.index}@example.net`,
      type: first ? first.arrival.type : arrival.type,
      assignee:
        first === null && arrival.index % 2 === 0
          ? `staff-${arrival.index % 3}@${orgs[arrival.org]!.slug}.example`
          : null,
      receivedAt: new Date(dayStart + Math.floor((arrival.minute / 1440) * (dayLength - 60_000))),
    };
  };

  /** Tracks a recorded arrival and plans what staff will do with it. */
  const track = (
    arrival: Arrival,
    who: ReturnType<typeof whoAsks>,
    request: { id: string; dueOn: CalendarDate },
    duplicateOf: string | null,
  ) => {
    const item: Tracked = {
      arrival: who.first
        ? arrival
        : { ...arrival, fate: arrival.fate === "duplicate" ? "on_time" : arrival.fate },
      orgIndex: arrival.org,
      orgId: orgs[arrival.org]!.id,
      id: request.id,
      email: who.email,
      duplicateOf,
      receivedOn: calendarDateIn(who.receivedAt, ZONE),
      originalDueOn: request.dueOn,
      extendedOn: null,
      open: duplicateOf === null,
      assigned: who.assignee !== null,
    };
    tracked.push(item);
    if (!item.open) return;
    openByOrg[arrival.org]!.add(item);
    for (const [day, step] of planSteps(item.arrival, request.dueOn)) {
      const list = stepsByDay.get(day) ?? [];
      list.push({ tracked: item, step });
      stepsByDay.set(day, list);
      if (day > lastDay) lastDay = day;
    }
    // Abandoned requests must still be reached by the run the day after their due date.
    const after = addDays(request.dueOn, 2);
    if (after > lastDay) lastDay = after;
  };

  const arrive = async (arrival: Arrival) => {
    const org = orgs[arrival.org]!;
    const who = whoAsks(arrival);
    const { request, duplicateOf } = await createRequest(
      ctx,
      {
        orgId: org.id,
        actor: "simulation",
        input: {
          type: who.type,
          channel: arrival.index % 3 === 0 ? "web_form" : "api",
          receivedAt: who.receivedAt.toISOString(),
          requester: { name: `Person ${arrival.index}`, email: who.email },
          identityVerified: arrival.fate !== "identity",
        },
      },
      {
        within: async (trx, result) => {
          if (!who.assignee) return;
          const id = result.request.id;
          await trx
            .updateTable("requests")
            .set({ assignee_sealed: sealAssignee(ctx.config, id, who.assignee) })
            .where("id", "=", id)
            .execute();
        },
      },
    );
    assert.equal(duplicateOf?.id ?? null, who.first?.id ?? null, `arrival ${arrival.index}: duplicate link`);
    track(arrival, who, request, duplicateOf?.id ?? null);
  };

  const arriveInBulk = async (day: Arrival[]) => {
    const planned = day.map((arrival) => ({ arrival, who: whoAsks(arrival) }));
    const created = await insertArrivals(
      ctx,
      planned.map(({ arrival, who }) => {
        const org = orgs[arrival.org]!;
        return {
          orgId: org.id,
          number: org.next++,
          lang: org.lang,
          alsaceMoselle: org.alsaceMoselle,
          type: who.type,
          channel: arrival.index % 3 === 0 ? "web_form" : "api",
          receivedAt: who.receivedAt,
          name: `Person ${arrival.index}`,
          email: who.email,
          identityVerified: arrival.fate !== "identity",
          duplicateOf: who.first?.id ?? null,
          assignee: who.assignee,
        };
      }),
    );
    planned.forEach(({ arrival, who }, i) => {
      track(arrival, who, created[i]!, who.first?.id ?? null);
    });
  };

  const afterStep = (item: Tracked, step: PlannedStep, day: CalendarDate) => {
    if (step.kind === "extend") item.extendedOn = day;
    else if (step.kind !== "verify") {
      item.open = false;
      openByOrg[item.orgIndex]!.delete(item);
    }
  };

  const act = async ({ tracked: item, step }: { tracked: Tracked; step: PlannedStep }, day: CalendarDate) => {
    const base = { orgId: item.orgId, requestId: item.id, actor: "simulation" };
    if (step.kind === "verify") await transitionRequest(ctx, { ...base, to: "in_progress" });
    else if (step.kind === "extend") await extendInSimulation(item, ctx, step.extraMonths);
    else if (step.kind === "answer")
      await transitionRequest(ctx, { ...base, to: "answered", outcome: step.outcome });
    else await transitionRequest(ctx, { ...base, to: "withdrawn" });
    afterStep(item, step, day);
  };

  /** The bulk lane's form of a step, and the tracking both lanes share. */
  const toBulk = (
    { tracked: item, step }: { tracked: Tracked; step: PlannedStep },
    day: CalendarDate,
  ): BulkStep => {
    afterStep(item, step, day);
    if (step.kind === "extend") {
      const org = orgs[item.orgIndex]!;
      return {
        kind: "extend",
        id: item.id,
        receivedOn: item.receivedOn,
        extraMonths: step.extraMonths,
        alsaceMoselle: org.alsaceMoselle,
      };
    }
    return step.kind === "answer"
      ? { kind: "answer", id: item.id, outcome: step.outcome }
      : { kind: step.kind, id: item.id };
  };

  const cpuAtStart = process.cpuUsage();
  for (let day = START; day <= lastDay; day = addDays(day, 1)) {
    // 01:30 in Paris: the scheduler's daily run.
    ctx.setNow(parisInstant(day, "01:30").toISOString());
    let clock = performance.now();
    const run = await runReminders(ctx, { deliver: false });
    assert.equal(run.errors, 0);
    counts.reminders += run.reminders;
    counts.overdue += run.overdue;
    counts.candidates += run.candidates;
    counts.runs++;
    timings.reminders += performance.now() - clock;
    if (smtpSampleRows < SMTP_SAMPLE_MAILS) {
      clock = performance.now();
      const delivered = await deliverDueMails(ctx);
      assert.equal(delivered.failed + delivered.retried, 0);
      smtpSampleRows += delivered.sent;
      timings.smtp += performance.now() - clock;
    }
    // Noon: staff answer, extend, check identities; people withdraw.
    ctx.setNow(parisInstant(day, "12:00").toISOString());
    clock = performance.now();
    const steps = stepsByDay.get(day) ?? [];
    stepsByDay.delete(day);
    await applySteps(
      ctx,
      day,
      steps.filter((s) => !orgs[s.tracked.orgIndex]!.real).map((s) => toBulk(s, day)),
    );
    await inPool(
      steps.filter((s) => orgs[s.tracked.orgIndex]!.real),
      CONCURRENCY,
      (s) => act(s, day),
    );
    timings.steps += performance.now() - clock;
    // The day's requests, recorded by the evening (each keeps its own time of receipt).
    ctx.setNow(parisInstant(day, "23:59").toISOString());
    clock = performance.now();
    const arriving = arrivalsByDay.get(day) ?? [];
    await arriveInBulk(arriving.filter((a) => !orgs[a.org]!.real));
    await inPool(
      arriving.filter((a) => orgs[a.org]!.real),
      CONCURRENCY,
      arrive,
    );
    timings.arrivals += performance.now() - clock;
  }
  const simulated = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);

  const checksStarted = performance.now();
  const tally = await checkSimulation(ctx, smtp, {
    requests: REQUESTS,
    tracked,
    orgs,
    lastDay,
    counts,
    smtpMails: smtpSampleRows,
  });

  return {
    dialect: ctx.dialect,
    requests: REQUESTS,
    realRequests: tracked.filter((item) => orgs[item.orgIndex]!.real).length,
    days: counts.runs,
    wallMs: simulated,
    cpuMs: (cpu.user + cpu.system) / 1000,
    phasesMs: { ...timings, checks: performance.now() - checksStarted },
    ...tally,
    reminders: counts.reminders,
    overdueFlags: counts.overdue,
    smtpMails: smtpSampleRows,
  };
}
