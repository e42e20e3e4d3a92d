import { createBackgroundRunner } from "../../app/create-background-runner.ts";
import { deliverRequestMails } from "../mail/deliver-request-mails.ts";

/**
 * Delivers the queued request mails in the background, after a page has answered: a slow or absent SMTP
 * server never delays the person. Calls made while a delivery runs are folded into one more pass, so a
 * burst of form posts runs one sender, not one per post. Never rejects (failures are logged by code and
 * the outbox keeps the mail for a retry). Returns the run's promise, for tests and for shutdown.
 *
 * @example void scheduleMailDelivery(ctx);
 */
export const scheduleMailDelivery = createBackgroundRunner(
  "request mail delivery failed",
  deliverRequestMails,
);
