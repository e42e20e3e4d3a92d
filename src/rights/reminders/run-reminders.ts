import type { AppContext } from "../../app/app-context.ts";
import { loggableError } from "../../app/loggable-error.ts";
import { organisationName } from "../../documents/format-identity.ts";
import type { CalendarDate } from "../deadlines/calendar-date.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import type { RequestStatus, RequestType } from "../model/request.schema.ts";
import { isOpen, OPEN_STATUSES } from "../model/transitions.ts";
import {
  calendarDateIn,
  loadOrganisationCalendar,
  type OrganisationCalendar,
} from "../requests/organisation-calendar.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { requestReference } from "../requests/request-record.ts";
import { RightsSettings } from "../settings/rights-settings.ts";
import { type DeliveryCounts, deliverDueMails } from "./deliver-due-mails.ts";
import { findReminderCandidates, type ReminderCandidate } from "./find-reminder-candidates.ts";
import { type ReminderDue, reminderDue } from "./reminder-due.ts";
import { reminderMessage } from "./reminder-message.ts";
import { reminderRecipients, staffRequestUrl } from "./reminder-recipients.ts";

export type RunRemindersOptions = {
  /**
   * The instant the run is for; defaults to the context's clock. The timeline and outbox stamp with the
   * context's clock, so a caller that passes one passes the same instant (tests set the clock instead).
   */
  now?: Date;
  /** Only this organisation's requests (the CLI's --org). */
  orgId?: string;
  /** Send what was queued (and anything else due in the outbox) before returning. Default true. */
  deliver?: boolean;
};

export type RunRemindersResult = {
  /** Open requests looked at (due soon, or past due and not yet flagged). */
  candidates: number;
  /** Reminder mails queued by this run. */
  reminders: number;
  /** Requests flagged overdue by this run. */
  overdue: number;
  /** Reminders that found nobody to write to (no assignee address, DPO, rights contact or notified address). */
  withoutRecipient: number;
  /** Requests whose handling failed (logged without personal data); the next run tries them again. */
  errors: number;
  delivered: DeliveryCounts | null;
};

type Due = NonNullable<ReminderDue>;

type Context = { calendar: OrganisationCalendar; settings: RightsSettings; today: CalendarDate };

export const REMINDER_ACTOR = "system";

const CONCURRENCY = 4;

/** The dedupe key that makes a reminder go out once per request, due date and threshold, whoever runs it. */
export function reminderKey(requestId: string, dueOn: CalendarDate, due: Due): string {
  return due.kind === "reminder"
    ? `reminder:${requestId}:${dueOn}:${due.daysBefore}`
    : `overdue:${requestId}:${dueOn}`;
}

/**
 * Reminds staff of open requests before their due date and flags the ones whose date has passed (Art. 12(3)).
 *
 * For every open request (duplicates excepted), on each of the settings' `reminderDaysBefore` days before its
 * due date — calendar days in the organisation's time zone — a reminder is queued to the assignee, the DPO and
 * the settings' `notifyEmails`; the day after the due date, `overdue_at` is set (timeline event
 * `overdue_flagged`) and an overdue mail is queued to the same people. Idempotent: each mail carries a dedupe
 * key (`reminder:<id>:<dueOn>:<days>`, `overdue:<id>:<dueOn>`) and the flag is set by a conditional update,
 * so reruns and several processes send each once; a new due date (an extension) makes new reminders due.
 *
 * @example const { reminders, overdue } = await runReminders(ctx, { now: new Date() });
 */
export async function runReminders(
  ctx: AppContext,
  options: RunRemindersOptions = {},
): Promise<RunRemindersResult> {
  const now = options.now ?? ctx.now();
  const settingsByOrg = await loadAllSettings(ctx, options.orgId);
  const defaults = RightsSettings.parse({});
  const days = Math.max(
    ...defaults.reminderDaysBefore,
    ...[...settingsByOrg.values()].flatMap((s) => s.reminderDaysBefore),
  );
  const candidates = await findReminderCandidates(ctx.db, {
    utcToday: now.toISOString().slice(0, 10),
    days,
    orgId: options.orgId,
  });
  const result: RunRemindersResult = {
    candidates: candidates.length,
    reminders: 0,
    overdue: 0,
    withoutRecipient: 0,
    errors: 0,
    delivered: null,
  };

  const calendars = await calendarsOf(ctx, [...new Set(candidates.map((c) => c.org_id))]);
  const contexts = new Map<string, Context>();
  const work: Array<{ candidate: ReminderCandidate; due: Due; key: string; context: Context }> = [];
  for (const candidate of candidates) {
    let context = contexts.get(candidate.org_id);
    if (!context) {
      const calendar = calendars.get(candidate.org_id);
      if (!calendar) continue; // the organisation was deleted since the candidates were read
      context = {
        calendar,
        settings: settingsByOrg.get(candidate.org_id) ?? defaults,
        today: calendarDateIn(now, calendar.timeZone),
      };
      contexts.set(candidate.org_id, context);
    }
    const due = reminderDue({
      today: context.today,
      dueOn: candidate.due_on,
      daysBefore: context.settings.reminderDaysBefore,
      overdueFlagged: candidate.overdue_at !== null,
    });
    if (due) work.push({ candidate, due, key: reminderKey(candidate.id, candidate.due_on, due), context });
  }

  // Most runs find every reminder already queued (the scheduler runs each minute): one lookup skips them
  // before anything is sealed or locked.
  const queued = await existingKeys(
    ctx,
    work.filter((w) => w.due.kind === "reminder").map((w) => w.key),
  );
  const todo = work.filter((item) => !queued.has(item.key));
  const applyAndCount = async (item: (typeof work)[number]) => {
    try {
      const done = await applyDue(ctx, now, item);
      if (done === "reminder") result.reminders++;
      else if (done === "overdue") result.overdue++;
      else if (done === "overdue_without_recipient") {
        result.overdue++;
        result.withoutRecipient++;
      } else if (done === "without_recipient") result.withoutRecipient++;
    } catch (error) {
      result.errors++;
      ctx.log.error(
        { err: loggableError(error), requestId: item.candidate.id, kind: item.due.kind },
        "rights reminder failed",
      );
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const item = todo[next++]!;
      await applyAndCount(item);
    }
  };
  // A few at a time: on PostgreSQL the transactions overlap (a backlog after downtime clears faster);
  // SQLite runs them one after the other anyway.
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker));
  if (options.deliver ?? true) result.delivered = await deliverDueMails(ctx);
  return result;
}

async function loadAllSettings(ctx: AppContext, orgId?: string): Promise<Map<string, RightsSettings>> {
  let query = ctx.db.selectFrom("rights_settings").select(["org_id", "data"]);
  if (orgId !== undefined) query = query.where("org_id", "=", orgId);
  const map = new Map<string, RightsSettings>();
  for (const row of await query.execute()) {
    const parsed = parseSettings(row.data);
    // Settings are validated when written; a row that no longer parses falls back to the defaults
    // rather than silencing every reminder of the organisation.
    if (parsed) map.set(row.org_id, parsed);
    else ctx.log.warn({ orgId: row.org_id }, "rights settings unreadable: default reminders used");
  }
  return map;
}

// The scheduler reads every organisation's settings each minute; they rarely change, so each distinct
// text is validated once (the parsed value is frozen, shared by the runs).
const parsedSettings = new Map<string, RightsSettings | null>();

function parseSettings(text: string): RightsSettings | null {
  let parsed = parsedSettings.get(text);
  if (parsed === undefined) {
    const result = RightsSettings.safeParse(parseJson(text));
    parsed = result.success ? Object.freeze(result.data) : null;
    if (parsedSettings.size >= 1000) parsedSettings.clear();
    parsedSettings.set(text, parsed);
  }
  return parsed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Per store: the calendar (time zone, language, DPO) of each organisation at the revision last seen.
const knownCalendars = new WeakMap<
  object,
  Map<string, { revision: number; calendar: OrganisationCalendar }>
>();

/**
 * The calendars of the organisations that have candidates: one query for their revisions, and the register
 * read again only for an organisation that changed since the last run (the scheduler runs every minute).
 */
async function calendarsOf(ctx: AppContext, orgIds: string[]): Promise<Map<string, OrganisationCalendar>> {
  let known = knownCalendars.get(ctx.db);
  if (!known) {
    known = new Map();
    knownCalendars.set(ctx.db, known);
  }
  const result = new Map<string, OrganisationCalendar>();
  for (let i = 0; i < orgIds.length; i += 500) {
    const rows = await ctx.db
      .selectFrom("organisations")
      .select(["id", "slug", "revision"])
      .where("id", "in", orgIds.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      let entry = known.get(row.id);
      if (!entry || entry.revision !== Number(row.revision) || entry.calendar.slug !== row.slug) {
        entry = { revision: Number(row.revision), calendar: await loadOrganisationCalendar(ctx.db, row.id) };
        known.set(row.id, entry);
      }
      result.set(row.id, entry.calendar);
    }
  }
  return result;
}

async function existingKeys(ctx: AppContext, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await ctx.db
      .selectFrom("request_mails")
      .select("dedupe_key")
      .where("dedupe_key", "in", keys.slice(i, i + 500))
      .execute();
    for (const row of rows) if (row.dedupe_key) found.add(row.dedupe_key);
  }
  return found;
}

type Applied = "reminder" | "overdue" | "overdue_without_recipient" | "without_recipient" | "nothing";

async function applyDue(
  ctx: AppContext,
  now: Date,
  item: { candidate: ReminderCandidate; due: Due; key: string; context: Context },
): Promise<Applied> {
  const { candidate, due, key, context } = item;
  const { calendar, settings } = context;
  const recipients = reminderRecipients({
    config: ctx.config,
    requestId: candidate.id,
    assigneeSealed: candidate.assignee_sealed,
    organisation: calendar.organisation,
    settings,
  });
  const message =
    recipients.length === 0
      ? null
      : reminderMessage(
          {
            kind: due.kind,
            lang: calendar.defaultLanguage,
            organisationName: organisationName(calendar.organisation),
            reference: requestReference(candidate.received_at, Number(candidate.number)),
            type: candidate.type as RequestType,
            status: candidate.status as RequestStatus,
            dueOn: candidate.due_on,
            days: due.kind === "reminder" ? due.daysLeft : due.daysLate,
            extended: candidate.due_on !== candidate.original_due_on,
            link: staffRequestUrl(ctx.config, calendar.slug, candidate.id),
          },
          recipients.join(", "),
        );
  return ctx.db.transaction().execute(async (trx): Promise<Applied> => {
    if (due.kind === "reminder") {
      // The request may have been answered or extended since the candidates were read.
      const current = await trx
        .selectFrom("requests")
        .select(["status", "due_on"])
        .where("id", "=", candidate.id)
        .where("org_id", "=", candidate.org_id)
        .executeTakeFirst();
      if (!current || !isOpen(current.status as RequestStatus) || current.due_on !== candidate.due_on)
        return "nothing";
      if (!message) return "without_recipient";
      const queued = await enqueueRequestMail(ctx, trx, {
        orgId: candidate.org_id,
        requestId: candidate.id,
        kind: "reminder",
        dedupeKey: key,
        message,
      });
      return queued ? "reminder" : "nothing";
    }
    // The conditional update is the lock: of two processes, one sets the flag and records it.
    const flagged = await trx
      .updateTable("requests")
      .set({ overdue_at: now.toISOString() })
      .where("id", "=", candidate.id)
      .where("org_id", "=", candidate.org_id)
      .where("overdue_at", "is", null)
      .where("due_on", "=", candidate.due_on)
      .where("status", "in", OPEN_STATUSES)
      .executeTakeFirst();
    if (Number(flagged.numUpdatedRows) === 0) return "nothing";
    await recordRequestEvent(ctx, trx, {
      orgId: candidate.org_id,
      requestId: candidate.id,
      kind: "overdue_flagged",
      actor: REMINDER_ACTOR,
      data: { dueOn: candidate.due_on, daysLate: due.daysLate, notified: recipients.length },
    });
    if (!message) return "overdue_without_recipient";
    await enqueueRequestMail(ctx, trx, {
      orgId: candidate.org_id,
      requestId: candidate.id,
      kind: "overdue",
      dedupeKey: key,
      message,
    });
    return "overdue";
  });
}
