import type { Actor, AppContext } from "../../app/app-context.ts";
import type { RequestPartyRow } from "../../db/schema.ts";
import { organisationName } from "../../documents/format-identity.ts";
import { AppError, notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { toPeer } from "../../opendsr/peers/peer-record.ts";
import type { DataSubjectRequest } from "../model/request.schema.ts";
import { getRequest, readRequestRow } from "../requests/get-request.ts";
import { loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { toDataSubjectRequest } from "../requests/request-record.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { findRequestProcessors } from "./find-request-processors.ts";
import { InstructInput } from "./forwarding.types.ts";
import type { InstructContext } from "./instruct-context.ts";
import { instructForwardingProcessor } from "./instruct-forwarding-processor.ts";
import { instructInternalProcessor } from "./instruct-internal-processor.ts";
import { insertParty, type PartyView, partyData, toPartyView } from "./party.ts";
import { type ProcessorRoute, resolveProcessorRoute } from "./resolve-processor-route.ts";
import { sendProcessorInstruction } from "./send-processor-instruction.ts";

type Plan = {
  ref: string;
  name: string;
  activityRefs: string[];
  route: ProcessorRoute;
  /** A party already on the request, still pending (never reached, or the forwarding processor). */
  existing: RequestPartyRow | undefined;
};

function refused(rule: string, en: string, fr: string): AppError {
  return new AppError("CONFLICT", en, { userMessage: { fr, en }, details: { rule } });
}

export type InstructResult = { parties: PartyView[]; request: DataSubjectRequest };

/**
 * Controller side (Art. 28(3)(e), Art. 19): the request goes to every processor the register lists for the
 * activities it concerns, each through its own channel (another organisation here, OpenDSR, an e-mail with
 * a signed answer link, or by hand), and the request waits in `awaiting_processors` until each has
 * answered or staff waived it with a reason. Running it again reaches only the processors not reached yet.
 *
 * A processor that forwarded the request to this organisation gets this instruction as its controller's
 * decision: `act` confirms, `do_not_act` tells it not to act (the controller handles the request itself).
 *
 * @example await instructProcessors(ctx, { orgId, requestId, actor, body: { instruction: "Erase the account" } })
 */
export async function instructProcessors(
  ctx: AppContext,
  input: { orgId: string; requestId: string; actor: Actor; body: unknown },
): Promise<InstructResult> {
  const body = parseOrThrow(InstructInput, input.body);
  const row = await readRequestRow(ctx.db, input.orgId, input.requestId);
  if (!row) throw notFound("request", input.requestId);
  if (row.role !== "controller")
    throw refused(
      "role_controller",
      "only a request the organisation holds as a controller goes to processors",
      "Seule une demande reçue en tant que responsable du traitement est transmise aux sous-traitants.",
    );
  if (row.status !== "in_progress" && row.status !== "awaiting_processors")
    throw refused(
      "status",
      `a request in status ${row.status} cannot go to processors (its identity must be established first)`,
      `Une demande au statut « ${row.status} » ne peut pas être transmise aux sous-traitants (l'identité doit d'abord être établie).`,
    );
  const calendar = await loadOrganisationCalendar(ctx.db, input.orgId);
  const c: InstructContext = {
    ctx,
    orgId: input.orgId,
    requestId: input.requestId,
    actor: input.actor,
    request: toDataSubjectRequest(ctx.config, row),
    controllerName: organisationName(calendar.organisation),
    slug: calendar.slug,
    lang: body.lang ?? calendar.defaultLanguage,
    instruction: body.instruction,
  };
  const existing = await ctx.db
    .selectFrom("request_parties")
    .selectAll()
    .where("org_id", "=", input.orgId)
    .where("request_id", "=", input.requestId)
    .where("role", "=", "processor")
    .execute();
  const peers = (
    await ctx.db
      .selectFrom("opendsr_peers")
      .selectAll()
      .where("org_id", "=", input.orgId)
      .where("status", "=", "active")
      .where("relation", "=", "processor")
      .execute()
  ).map(toPeer);

  if (body.decision === "do_not_act") {
    const origins = existing.filter((p) => partyData(p).origin && p.status === "pending");
    if (origins.length === 0)
      throw refused(
        "no_forwarding_processor",
        "do_not_act answers a processor that forwarded the request, and none waits for an instruction",
        "do_not_act répond à un sous-traitant qui vous a transmis la demande, et aucun n'attend d'instruction.",
      );
    for (const origin of origins) await instructForwardingProcessor(c, origin, peers, "refuse");
    return result(c);
  }

  const plans: Plan[] = [];
  for (const [ref, target] of await findRequestProcessors(ctx, {
    orgId: input.orgId,
    activityRefs: c.request.activityRefs,
  })) {
    const peer = peers.find((p) => p.registerRefs.includes(ref));
    const already =
      existing.find((p) => p.party_ref === ref) ??
      (peer ? existing.find((p) => partyData(p).origin && partyData(p).peerRef === peer.ref) : undefined);
    if (already && already.status !== "pending") continue;
    if (already && partyData(already).origin) continue; // instructed below, as the forwarding processor
    plans.push({
      ref,
      name: target.processor.name,
      activityRefs: target.activityRefs,
      route: await resolveProcessorRoute(ctx, {
        peer,
        email: target.processor.contact?.email,
        type: c.request.type,
      }),
      existing: already,
    });
  }

  const internal: Array<{ plan: Plan; party: RequestPartyRow }> = [];
  await ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, input.orgId);
    const at = ctx.now().toISOString();
    for (const plan of plans) {
      const party =
        plan.existing ??
        (await insertParty(trx, at, {
          orgId: input.orgId,
          requestId: input.requestId,
          role: "processor",
          ref: plan.ref,
          name: plan.name,
          channel: plan.route.channel,
          status: "pending",
          data: {
            activityRefs: plan.activityRefs,
            ...("peer" in plan.route ? { peerRef: plan.route.peer.ref } : {}),
            ...("reason" in plan.route && plan.route.reason ? { reason: plan.route.reason } : {}),
          },
        }));
      if (plan.route.channel === "internal") internal.push({ plan, party });
      else await sendProcessorInstruction(c, trx, party, plan.route);
    }
    const current = await readRequestRow(trx, input.orgId, input.requestId);
    const waiting = await trx
      .selectFrom("request_parties")
      .select("id")
      .where("request_id", "=", input.requestId)
      .where("role", "=", "processor")
      .where("status", "in", ["pending", "sent"])
      .executeTakeFirst();
    if (waiting && current?.status === "in_progress") {
      await transitionRequestIn(ctx, trx, {
        orgId: input.orgId,
        requestId: input.requestId,
        to: "awaiting_processors",
        actor: input.actor,
        data: { reason: "processors_instructed" },
      });
    }
  });
  // Each organisation here gets its copy in its own transaction (one request each): a failure leaves that
  // party pending, and running the instruction again reaches it.
  for (const { plan, party } of internal) {
    if (plan.route.channel === "internal") await instructInternalProcessor(c, party, plan.route);
  }
  for (const origin of existing.filter((p) => partyData(p).origin && p.status === "pending")) {
    await instructForwardingProcessor(c, origin, peers, "confirm");
  }
  return result(c);
}

async function result(c: InstructContext): Promise<InstructResult> {
  const rows = await c.ctx.db
    .selectFrom("request_parties")
    .selectAll()
    .where("org_id", "=", c.orgId)
    .where("request_id", "=", c.requestId)
    .where("role", "=", "processor")
    .orderBy("created_at")
    .orderBy("party_ref")
    .execute();
  return { parties: rows.map(toPartyView), request: await getRequest(c.ctx, c) };
}
