import { createBackgroundRunner } from "../../app/create-background-runner.ts";
import { deliverDueMails } from "../reminders/deliver-due-mails.ts";

/**
 * Delivers the queued request mails in the background, after a page has answered: a slow or absent SMTP
 * server never delays the person. Calls made while a delivery runs are folded into one more pass, so a
 * burst of form posts runs one sender, not one per post, after a 20 ms window that gathers the burst.
 * Never rejects (failures are logged by code and the outbox keeps the mail for a retry). Returns the run's promise, for tests and for shutdown.
 *
 * @example void scheduleMailDelivery(ctx);
 */
export const scheduleMailDelivery = createBackgroundRunner(
  "request mail delivery failed",
  // Batch after batch until the outbox is drained: a burst larger than one batch leaves no mail waiting
  // for the scheduler's next tick.
  (ctx) => deliverDueMails(ctx),
  // A form post's mail leaves 20 ms later, unnoticed by anyone; under load, a pass then carries every
  // mail queued in those 20 ms with one claim and one commit.
  { gatherMs: 20 },
);
