import type { AppContext } from "../../app/app-context.ts";
import { loggableError } from "../../app/loggable-error.ts";
import { deliverRequestMails } from "../mail/deliver-request-mails.ts";

type Run = { again: boolean; done: Promise<void> };
const running = new WeakMap<object, Run>();

/**
 * Delivers the queued request mails in the background, after a page has answered: a slow or absent SMTP
 * server never delays the person. Calls made while a delivery runs are folded into one more pass, so a
 * burst of form posts runs one sender, not one per post. Never rejects (failures are logged by code and
 * the outbox keeps the mail for a retry). Returns the run's promise, for tests and for shutdown.
 *
 * @example void scheduleMailDelivery(ctx);
 */
export function scheduleMailDelivery(ctx: AppContext): Promise<void> {
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
        await deliverRequestMails(ctx);
      } while (run.again);
    } catch (error) {
      ctx.log.warn({ error: loggableError(error) }, "request mail delivery failed");
    } finally {
      running.delete(ctx.db);
    }
  })();
  running.set(ctx.db, run);
  return run.done;
}
