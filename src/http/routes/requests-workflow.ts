import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/app-context.ts";
import { addRequestNote, NoteInput } from "../../rights/staff/add-request-note.ts";
import { AssignInput, assignRequest } from "../../rights/staff/assign-request.ts";
import { TimelineEntry } from "../../rights/staff/get-request-details.ts";
import { moveRequest } from "../../rights/staff/move-request.ts";
import { organisationToday } from "../../rights/staff/organisation-today.ts";
import { RequestView, toRequestView } from "../../rights/staff/request-views.ts";
import { unassignRequest } from "../../rights/staff/unassign-request.ts";
import { etagOf, IfMatchHeaders, revisionFromIfMatch, SECURED, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";
import { RequestParams, TAG, TransitionBody } from "./requests-schemas.ts";

const IF_MATCH =
  'With `If-Match: "<revision>"` (the ETag of a read), the change is refused with 409 unless that is the ' +
  "request's revision.";

/** The workflow of one request: move it along, assign it, write notes. */
export const requestWorkflowRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const item = "/organisations/:slug/requests/:id";

  app.post(
    `${item}/transitions`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Move a request to another status",
        description:
          `${IF_MATCH} The allowed moves are the workflow's (409 otherwise, naming them); answered needs an ` +
          "outcome; a controller cannot answer or close while a processor it instructed has not answered.",
        params: RequestParams,
        headers: IfMatchHeaders,
        body: TransitionBody,
        response: withErrors({ 200: RequestView }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const expectedRevision = revisionFromIfMatch(request.headers["if-match"]);
      const { to, outcome, note } = request.body;
      const moved = await moveRequest(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        to,
        actor: principal.actor,
        ...(outcome !== undefined ? { outcome } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      });
      return reply
        .header("etag", etagOf(moved.revision))
        .send(toRequestView(moved, await organisationToday(ctx, org.id)));
    },
  );

  app.put(
    `${item}/assignee`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Assign a request to a staff member (reminders go to this address)",
        description: IF_MATCH,
        params: RequestParams,
        headers: IfMatchHeaders,
        body: AssignInput,
        response: withErrors({ 200: RequestView }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const expectedRevision = revisionFromIfMatch(request.headers["if-match"]);
      const assigned = await assignRequest(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        input: request.body,
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      });
      return reply
        .header("etag", etagOf(assigned.revision))
        .send(toRequestView(assigned, await organisationToday(ctx, org.id)));
    },
  );

  app.delete(
    `${item}/assignee`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Unassign a request",
        description: IF_MATCH,
        params: RequestParams,
        headers: IfMatchHeaders,
        response: withErrors({ 200: RequestView }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const expectedRevision = revisionFromIfMatch(request.headers["if-match"]);
      const unassigned = await unassignRequest(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      });
      return reply
        .header("etag", etagOf(unassigned.revision))
        .send(toRequestView(unassigned, await organisationToday(ctx, org.id)));
    },
  );

  app.post(
    `${item}/notes`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Add an internal note to the request's timeline (sealed at rest, staff only)",
        params: RequestParams,
        body: NoteInput,
        response: withErrors({ 201: TimelineEntry }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const entry = await addRequestNote(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        input: request.body,
      });
      return reply.status(201).send(entry);
    },
  );
};
