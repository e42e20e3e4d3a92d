import type { AppContext } from "../../app/app-context.ts";
import { type DeliveryCounts, deliverRequestMails } from "../mail/deliver-request-mails.ts";

export type { DeliveryCounts };

/**
 * Drains the rights outbox: calls `deliverRequestMails` batch after batch until a batch comes back short
 * (nothing more is due, or another process claimed the rest), at most `maxBatches` times per call so one
 * tick stays bounded.
 */
export async function deliverDueMails(
  ctx: AppContext,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<DeliveryCounts> {
  const batchSize = options.batchSize ?? 100;
  const total: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const counts = await deliverRequestMails(ctx, { limit: batchSize });
    total.sent += counts.sent;
    total.retried += counts.retried;
    total.failed += counts.failed;
    if (counts.sent + counts.retried + counts.failed < batchSize) break;
  }
  return total;
}
