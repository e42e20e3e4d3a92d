import type { AppContext } from "./app-context.ts";
import { loggableError } from "./loggable-error.ts";

type Run = { again: boolean; done: Promise<void> };

/**
 * A job run in the background after a response has gone out, one at a time per store: calls made while a
 * run is under way fold into one more pass, so a burst of requests runs one worker, not one per request.
 * The returned function never rejects (a failure is logged, masked, under `failure`) and returns the run's
 * promise, for tests and for shutdown.
 *
 * @example const scheduleMailDelivery = createBackgroundRunner("request mail delivery failed", deliverRequestMails);
 */
export function createBackgroundRunner(
  failure: string,
  pass: (ctx: AppContext) => Promise<unknown>,
): (ctx: AppContext) => Promise<void> {
  const running = new WeakMap<object, Run>();
  return (ctx) => {
    const current = running.get(ctx.db);
    if (current) {
      current.again = true;
      return current.done;
    }
    const run: Run = { again: false, done: Promise.resolve() };
    run.done = (async () => {
      try {
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
