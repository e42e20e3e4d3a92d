import type { AppContext } from "../app/app-context.ts";
import { notFound } from "../errors/app-error.ts";
import { type ApplyOutcome, applyRemoteStatus } from "./apply-remote-status.ts";
import { OpenDsrStatusBody } from "./opendsr.schema.ts";
import { callPeer } from "./opendsr-http.ts";
import { toPeer } from "./peers/peer-record.ts";

export type PollResult = { ok: true; applied: ApplyOutcome } | { ok: false; reason: string };

/**
 * The outbound client's other half: asks a peer where a request sent to it stands (OpenDSR §8.1, a signed
 * GET), for when a callback was lost. The answer must be signed by the peer's key; it is then applied like
 * a callback. Never throws for the peer's failures (they are returned), only for an unknown exchange.
 */
export async function pollOpenDsrStatus(ctx: AppContext, input: { exchangeId: string }): Promise<PollResult> {
  const exchange = await ctx.db
    .selectFrom("opendsr_exchanges")
    .selectAll()
    .where("id", "=", input.exchangeId)
    .where("direction", "=", "outbound")
    .executeTakeFirst();
  if (!exchange) throw notFound("OpenDSR request", input.exchangeId);
  const peer = toPeer(
    await ctx.db
      .selectFrom("opendsr_peers")
      .selectAll()
      .where("id", "=", exchange.peer_id)
      .executeTakeFirstOrThrow(),
  );
  await ctx.db
    .updateTable("opendsr_exchanges")
    .set({ polled_at: ctx.now().toISOString() })
    .where("id", "=", exchange.id)
    .execute();
  if (peer.status !== "active" || !peer.baseUrl) return { ok: false, reason: "peer_archived" };
  let response: Awaited<ReturnType<typeof callPeer>>;
  try {
    response = await callPeer(ctx, {
      orgId: exchange.org_id,
      peer,
      method: "GET",
      url: `${peer.baseUrl}/requests/${exchange.subject_request_id}`,
    });
  } catch {
    return { ok: false, reason: "unreachable" };
  }
  if (response.status !== 200) return { ok: false, reason: `http_${response.status}` };
  if (!response.signedByPeer) return { ok: false, reason: "unsigned_response" };
  let body: ReturnType<typeof OpenDsrStatusBody.safeParse>;
  try {
    body = OpenDsrStatusBody.safeParse(JSON.parse(response.body.toString("utf8")));
  } catch {
    return { ok: false, reason: "bad_response" };
  }
  if (!body.success || body.data.subject_request_id !== exchange.subject_request_id)
    return { ok: false, reason: "bad_response" };
  const applied = await applyRemoteStatus(ctx, {
    exchange,
    peer,
    report: {
      status: body.data.request_status,
      expectedCompletionTime: body.data.expected_completion_time,
      resultsUrl: body.data.results_url,
      extension: body.data.extensions?.gardien,
    },
  });
  return { ok: true, applied };
}
