/**
 * Controller ⇄ processor, for the organisation's staff (a token scoped to it, or admin): forward a request
 * held as a processor to its controller, instruct the processors of a request held as a controller, list
 * the parties, record a party's answer, waive a processor with a reason. Thin shells over
 * src/rights/forwarding. Registered within requestRoutes, whose hook makes every response `no-store`.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { forwardToController } from "../../rights/forwarding/forward-to-controller.ts";
import {
  ForwardInput,
  InstructInput,
  PartyAnswerInput,
  WaiveInput,
} from "../../rights/forwarding/forwarding.types.ts";
import { instructProcessors } from "../../rights/forwarding/instruct-processors.ts";
import { listRequestParties } from "../../rights/forwarding/list-request-parties.ts";
import { PartyView } from "../../rights/forwarding/party.ts";
import { recordPartyAnswer } from "../../rights/forwarding/record-party-answer.ts";
import { scheduleForwardingDelivery } from "../../rights/forwarding/run-forwarding-tick.ts";
import { waiveProcessor } from "../../rights/forwarding/waive-processor.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { RequestStatus } from "../../rights/model/request.schema.ts";
import { SECURED, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";
import { RequestParams } from "./requests-schemas.ts";

const TAG = "request parties";
const PartyParams = RequestParams.extend({ partyId: z.uuid().describe("The party's id") });
const RequestState = z.object({ id: z.string(), status: RequestStatus, revision: z.number().int() });

export const requestPartyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const common = { ...SECURED, tags: [TAG] };
  const one = "/organisations/:slug/requests/:id";

  /** Mails and OpenDSR messages queued with the change go out once it committed, after the answer. */
  const deliver = () => {
    void scheduleMailDelivery(ctx);
    void scheduleForwardingDelivery(ctx);
  };

  app.post(
    `${one}/forward`,
    {
      schema: {
        ...common,
        summary: "Processor side: forward the request to its controller (Art. 28(3)(e))",
        description:
          "The request waits in awaiting_controller until the controller's instruction. `peer`: another " +
          "organisation of this Gardien or an OpenDSR peer; `email`: a mail with a signed confirm/refuse link; " +
          "neither: the one peer registered for `controllerRef`, else the processor register's contact.",
        params: RequestParams,
        body: ForwardInput,
        response: withErrors({ 201: z.object({ party: PartyView, request: RequestState }) }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const result = await forwardToController(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        body: request.body,
      });
      deliver();
      return reply.status(201).send({
        party: result.party,
        request: { id: result.request.id, status: result.request.status, revision: result.request.revision },
      });
    },
  );

  app.post(
    `${one}/instruct-processors`,
    {
      schema: {
        ...common,
        summary: "Controller side: instruct every processor the register lists for the request's activities",
        description:
          "Each processor gets a party and the instruction through its channel (internal, OpenDSR, e-mail, or " +
          "manual). The request waits in awaiting_processors and cannot be answered or closed until each has " +
          "answered or been waived. `do_not_act` tells a processor that forwarded the request not to act.",
        params: RequestParams,
        body: InstructInput,
        response: withErrors({ 200: z.object({ parties: z.array(PartyView), request: RequestState }) }),
      },
    },
    async (request) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const result = await instructProcessors(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        body: request.body,
      });
      deliver();
      return {
        parties: result.parties,
        request: { id: result.request.id, status: result.request.status, revision: result.request.revision },
      };
    },
  );

  app.get(
    `${one}/parties`,
    {
      schema: {
        ...common,
        summary: "The controllers and processors of a request, and where each stands",
        params: RequestParams,
        response: withErrors({ 200: z.object({ items: z.array(PartyView) }) }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return { items: await listRequestParties(ctx, { orgId: org.id, requestId: request.params.id }) };
    },
  );

  app.post(
    `${one}/parties/:partyId/answer`,
    {
      schema: {
        ...common,
        summary: "Record a party's answer given outside Gardien",
        description:
          "A controller party: `decision` confirm|refuse and an optional `instruction`. A processor party: " +
          "`result` completed|no_data|not_done and an optional `note`. Texts are sealed on the timeline.",
        params: PartyParams,
        body: PartyAnswerInput,
        response: withErrors({ 200: PartyView }),
      },
    },
    async (request) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const party = await recordPartyAnswer(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        partyId: request.params.partyId,
        actor: principal.actor,
        body: request.body,
      });
      deliver();
      return party;
    },
  );

  app.post(
    `${one}/parties/:partyId/waive`,
    {
      schema: {
        ...common,
        summary: "Proceed without a processor's answer, saying why",
        description: "The reason is required and sealed on the timeline (event processor_waived).",
        params: PartyParams,
        body: WaiveInput,
        response: withErrors({ 200: PartyView }),
      },
    },
    async (request) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const party = await waiveProcessor(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        partyId: request.params.partyId,
        actor: principal.actor,
        body: request.body,
      });
      deliver();
      return party;
    },
  );
};
