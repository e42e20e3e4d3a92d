/**
 * Answering a data subject request, for staff (token scoped to the organisation, or admin), under
 * /api/v1/organisations/{slug}/requests/{id}: the organisation's systems post the data of the package
 * (`/data`), staff preview the letter (`/letter`), extend the deadline (`/extension`, Art. 12(3)) and answer
 * (`/answer`). Thin shells over src/rights/answer, src/rights/extension and src/rights/package.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { answerRequest } from "../../rights/answer/answer-request.ts";
import { AnswerRequestInput } from "../../rights/answer/answer-request.types.ts";
import { previewLetter } from "../../rights/answer/preview-letter.ts";
import { APPLICABILITY } from "../../rights/applicability/applicability.types.ts";
import { ExtendRequestInput, extendRequest } from "../../rights/extension/extend-request.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { LETTER_FORMATS, renderLetter } from "../../rights/letters/render-letter.ts";
import { Lang, RequestOutcome, RequestStatus, RequestType } from "../../rights/model/request.schema.ts";
import { addPackageData } from "../../rights/package/add-package-data.ts";
import { PACKAGE_LIMITS, PackageDataInput } from "../../rights/package/package-data.types.ts";
import { etagOf, IfMatchHeaders, revisionFromIfMatch, SECURED, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";
import { RequestParams as Params, TAG } from "./requests-schemas.ts";

/** The request after a change: its state only, nothing of the requester. */
const RequestState = z.object({
  id: z.string(),
  reference: z.string().describe("DSR-2026-0042"),
  type: RequestType,
  status: RequestStatus,
  outcome: RequestOutcome.nullable(),
  dueOn: z.string(),
  originalDueOn: z.string(),
  revision: z.number().int(),
});

const Reason = z.object({ fr: z.string(), en: z.string() });
const AnswerBody = z.object({
  request: RequestState,
  assessment: z.object({
    right: RequestType,
    article: z.string(),
    overall: z.enum(APPLICABILITY),
    activities: z.array(
      z.object({ ref: z.string(), status: z.enum(APPLICABILITY), reasons: z.array(Reason) }),
    ),
    unknownRefs: z.array(z.string()),
  }),
  letter: z.object({ lang: Lang, markdown: z.string(), attachmentId: z.string() }),
  package: z
    .object({
      attachmentId: z.string(),
      expiresAt: z.string(),
      expiresOn: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      files: z.number().int(),
    })
    .nullable(),
  delivery: z.enum(["email", "post"]).describe("post: no e-mail address; print the letter (format=pdf)"),
});

const LetterQuery = z.object({
  format: z.enum(LETTER_FORMATS).default("html"),
  outcome: RequestOutcome.optional().describe(
    "Preview with this outcome; without it, an answered request shows the letter sent",
  ),
  lang: Lang.optional().describe("Defaults to the request's language"),
});

function state(r: {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  outcome: RequestOutcome | null;
  dueOn: string;
  originalDueOn: string;
  revision: number;
}) {
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    status: r.status,
    outcome: r.outcome,
    dueOn: r.dueOn,
    originalDueOn: r.originalDueOn,
    revision: r.revision,
  };
}

export const requestAnswerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const item = "/organisations/:slug/requests/:id";

  app.post(
    `${item}/data`,
    {
      // Room for the largest posting the operation accepts, with its JSON envelope.
      bodyLimit: PACKAGE_LIMITS.maxBytes + 1024 * 1024,
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Add records to the data package of an access or portability request",
        description:
          `The organisation's systems post what they hold about the person: \`source\` names the system, ` +
          `\`recordType\` the kind of record (one CSV each; default \`records\`). At most ${PACKAGE_LIMITS.maxRecords} ` +
          `records and ${PACKAGE_LIMITS.maxBytes} bytes of JSON per posting, ${PACKAGE_LIMITS.maxTotalBytes} per ` +
          "request. Stored encrypted; sent with the answer behind an expiring link, never by e-mail. 409 once answered.",
        params: Params,
        body: PackageDataInput,
        response: withErrors({
          201: z.object({
            attachmentId: z.string(),
            source: z.string(),
            recordType: z.string(),
            records: z.number().int(),
            size: z.number().int(),
            sha256: z.string(),
          }),
        }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      // The body is validated (strict) before this; the scope comes last so nothing in it can change it.
      const added = await addPackageData(ctx, {
        ...request.body,
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
      });
      return reply.status(201).send(added);
    },
  );

  app.get(
    `${item}/letter`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Preview the answer letter (HTML, Markdown or PDF)",
        description:
          "Built from today's register, in the request's language. Reasons not given yet and the package link " +
          "show as visible gaps. An answered request without `outcome` shows the letter as sent.",
        params: Params,
        querystring: LetterQuery,
        response: withErrors({ 200: z.any() }),
      },
    },
    async (request, reply) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const { document, sent, reference } = await previewLetter(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        outcome: request.query.outcome,
        lang: request.query.lang,
      });
      const rendered = await renderLetter(document, request.query.format);
      return reply
        .header(
          "content-disposition",
          `inline; filename="${reference}-${document.lang}.${rendered.extension}"`,
        )
        .header("x-letter-state", sent ? "sent" : "preview")
        .type(rendered.mediaType)
        .send(rendered.body);
    },
  );

  app.post(
    `${item}/extension`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Extend the deadline by one or two months (Art. 12(3)) and notify the person",
        description:
          "Only while the first month runs (409 `after_first_month` naming the original due date after it), once " +
          "per request, for an open request. The notice with the reason and the new date is e-mailed to the person.",
        params: Params,
        headers: IfMatchHeaders,
        body: ExtendRequestInput,
        response: withErrors({
          200: z.object({
            request: RequestState,
            notice: z.object({ lang: Lang, markdown: z.string() }),
            delivery: z.enum(["email", "post"]),
          }),
        }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const expected = revisionFromIfMatch(request.headers["if-match"]);
      const result = await extendRequest(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        input: request.body,
        ...(expected !== undefined ? { expectedRevision: expected } : {}),
      });
      void scheduleMailDelivery(ctx);
      return reply
        .header("etag", etagOf(result.request.revision))
        .send({ request: state(result.request), notice: result.notice, delivery: result.delivery });
    },
  );

  app.post(
    `${item}/answer`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Answer the request: letter, data package link, status answered, e-mail",
        description:
          "Builds the letter in the request's language, moves the request to answered with the outcome (409 while " +
          "a processor has not answered), keeps the letter as sent, and e-mails it. Access and portability answers " +
          "carry the data package behind an expiring link (`packageLinkDays`), never as an attachment. Reasons are " +
          "required for partly_granted, refused and no_action (Art. 12(4)).",
        params: Params,
        headers: IfMatchHeaders,
        body: AnswerRequestInput,
        response: withErrors({ 200: AnswerBody }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const expected = revisionFromIfMatch(request.headers["if-match"]);
      const result = await answerRequest(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        input: request.body,
        ...(expected !== undefined ? { expectedRevision: expected } : {}),
      });
      void scheduleMailDelivery(ctx);
      return reply.header("etag", etagOf(result.request.revision)).send({
        request: state(result.request),
        assessment: {
          right: result.assessment.right,
          article: result.assessment.article,
          overall: result.assessment.overall,
          unknownRefs: [...result.assessment.unknownRefs],
          activities: result.assessment.activities.map((a) => ({
            ref: a.ref,
            status: a.status,
            reasons: [...a.reasons],
          })),
        },
        letter: result.letter,
        package: result.package,
        delivery: result.delivery,
      });
    },
  );
};
