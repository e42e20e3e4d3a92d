import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import { openText, sealText } from "../../crypto/seal.ts";
import type { Database } from "../../db/schema.ts";

/** `request`: a new OpenDSR request to a peer; `callback`: a status callback (or Gardien decision) to a peer. */
export type OutboxKind = "request" | "callback";

/**
 * Queues a signed OpenDSR message in the caller's transaction (an outbox, like the request mails): it is
 * sent if and only if the change that causes it commits. The body may hold identities, so it is sealed
 * (bound to the row); `deliverOpenDsrOutbox` signs the exact bytes and sends them.
 */
export async function queueOpenDsrMessage(
  ctx: AppContext,
  trx: Transaction<Database>,
  message: {
    orgId: string;
    exchangeId: string;
    requestId: string;
    kind: OutboxKind;
    url: string;
    body: unknown;
  },
): Promise<string> {
  const id = randomUUID();
  const at = ctx.now().toISOString();
  await trx
    .insertInto("opendsr_outbox")
    .values({
      id,
      org_id: message.orgId,
      exchange_id: message.exchangeId,
      request_id: message.requestId,
      kind: message.kind,
      url: message.url,
      body_sealed: sealText(ctx.config, JSON.stringify(message.body), {
        use: "requester-identity",
        aad: `opendsr:${id}`,
      }),
      status: "queued",
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
  return id;
}

export function openOutboxBody(ctx: AppContext, id: string, sealed: string): string {
  return openText(ctx.config, sealed, { use: "requester-identity", aad: `opendsr:${id}` });
}
