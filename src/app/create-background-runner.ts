import type { AppContext } from "./app-context.ts";
import { loggableError } from "./loggable-error.ts";

type Run = { started: boolean; again: boolean; done: Promise<void> };

/**
 * A job run in the background after a response has gone out, one at a time per store: calls made while a
 * run is under way fold into one more pass, so a burst of requests runs one worker, not one per request.
 * With `gatherMs`, a run waits that long before its first pass and the calls made meanwhile join it: under
 * load, one pass then handles many items (one claim, one commit) instead of one each. The returned function
 * never rejects (a failure is logged, masked, under `failure`) and returns the run's promise, for tests and
 * for shutdown.
 *
 * @example const scheduleMailDelivery = createBackgroundRunner("request mail delivery failed", deliverRequestMails);
 */
export function createBackgroundRunner(
  failure: string,
  pass: (ctx: AppContext) => Promise<unknown>,
  options: { gatherMs?: number } = {},
): (ctx: AppContext) => Promise<void> {
  const gatherMs = options.gatherMs ?? 0;
  const running = new WeakMap<object, Run>();
  return (ctx) => {
    const current = running.get(ctx.db);
    if (current) {
      // Before the first pass has begun, this call's work is already in it.
      if (current.started) current.again = true;
      return current.done;
    }
    const run: Run = { started: false, again: false, done: Promise.resolve() };
    run.done = (async () => {
      try {
        if (gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, gatherMs));
        run.started = true;
        do {
          run.again = false;
          await pass(ctx);
        } while (run.again);
      } catch (error) {
        ctx.log.warn({ error: loggableError(error) }, failure);
      } finally {
        running.delete(ctx.db);
      }
    })();
    running.set(ctx.db, run);
    return run.done;
  };
}
