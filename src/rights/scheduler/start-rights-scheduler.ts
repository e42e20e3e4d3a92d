import type { AppContext } from "../../app/app-context.ts";
import { loggableError } from "../../app/loggable-error.ts";
import { runForwardingTick } from "../forwarding/run-forwarding-tick.ts";
import { purgeExpiredPackages } from "../package/purge-expired-packages.ts";
import { type RunRemindersResult, runReminders } from "../reminders/run-reminders.ts";

export type RightsSchedulerOptions = {
  /** Time between the end of one run and the start of the next (ms). Default one minute. */
  intervalMs?: number;
  /** Delay before the first run (ms), so a start is not slowed by it. Default one second. */
  firstRunDelayMs?: number;
  /** Told of each run's outcome (tests, the bench). */
  onTick?: (outcome: { result: RunRemindersResult } | { error: unknown }) => void;
};

export type RightsScheduler = {
  /** Stops the timer and waits for a run in progress to finish. Idempotent. */
  stop: () => Promise<void>;
};

// A warning about requests nobody can be reminded of is worth one line an hour, not one a minute.
const NO_RECIPIENT_WARNING_MS = 60 * 60_000;

/**
 * Runs the rights workflow's timed work in this process: reminders and overdue flags (`runReminders`),
 * then the outbox (`deliverRequestMails`), the controller ⇄ processor exchanges (`runForwardingTick`) and
 * the purge of expired data packages. Runs never overlap (the next is scheduled when one ends), and
 * several processes may each run one: the dedupe keys and the outbox claim keep each mail single. A failed
 * run is logged (type, code, masked message: no personal data) and the next one tries again; nothing here
 * can throw into the server.
 *
 * @example
 * const scheduler = startRightsScheduler(ctx, { intervalMs: 60_000 });
 * app.addHook("onClose", () => scheduler.stop());
 */
export function startRightsScheduler(ctx: AppContext, options: RightsSchedulerOptions = {}): RightsScheduler {
  const intervalMs = options.intervalMs ?? 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let lastNoRecipientWarning = Number.NEGATIVE_INFINITY;

  const tick = async (): Promise<void> => {
    try {
      const result = await runReminders(ctx);
      const { reminders, overdue, errors, withoutRecipient, delivered } = result;
      if (reminders + overdue + errors > 0 || (delivered && delivered.sent + delivered.failed > 0)) {
        ctx.log.info(
          { reminders, overdue, errors, sent: delivered?.sent, failed: delivered?.failed },
          "rights reminders run",
        );
      }
      if (withoutRecipient > 0 && Date.now() - lastNoRecipientWarning > NO_RECIPIENT_WARNING_MS) {
        lastNoRecipientWarning = Date.now();
        ctx.log.warn(
          { withoutRecipient },
          "rights reminders without recipient: set the DPO or rights contact e-mail, or notifyEmails",
        );
      }
      options.onTick?.({ result });
    } catch (error) {
      ctx.log.error({ err: loggableError(error) }, "rights scheduler run failed");
      options.onTick?.({ error });
    }
    // Each of the other timed jobs fails on its own: a bad peer must not stop reminders, nor the reverse.
    try {
      // OpenDSR outbox, polling, callbacks, and answers of processors in this Gardien.
      await runForwardingTick(ctx);
    } catch (error) {
      ctx.log.error({ err: loggableError(error) }, "rights forwarding run failed");
    }
    try {
      // Data packages are kept packageLinkDays after they were built, then removed.
      await purgeExpiredPackages(ctx);
    } catch (error) {
      ctx.log.error({ err: loggableError(error) }, "data package purge failed");
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(() => {
        current = undefined;
        schedule(intervalMs);
      });
    }, delay);
    // The HTTP server keeps the process alive; the scheduler alone must not.
    timer.unref();
  };
  schedule(options.firstRunDelayMs ?? Math.min(1000, intervalMs));

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
