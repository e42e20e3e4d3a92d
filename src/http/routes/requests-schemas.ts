/**
 * The Zod schemas of the request routes (staff and the organisation's systems) that are not the
 * operations' own: params, headers, and the names of the OpenAPI components.
 */
import { z } from "zod";
import { Slug } from "../../register/model/common.schema.ts";
import { TransitionFields } from "../../rights/model/request.schema.ts";
import { RightsSettings } from "../../rights/settings/rights-settings.ts";
import { AttachmentMeta } from "../../rights/staff/attachment-record.ts";
import { RequestDetails, TimelineEntry } from "../../rights/staff/get-request-details.ts";
import { CreatedRequest, RequestSummary, RequestView } from "../../rights/staff/request-views.ts";
import { apiSchemaRegistry } from "../api-schemas.ts";

for (const [id, schema] of [
  ["RequestSummary", RequestSummary],
  ["CreatedRequest", CreatedRequest],
  ["DataSubjectRequest", RequestView],
  ["RequestDetails", RequestDetails],
  ["TimelineEntry", TimelineEntry],
  ["RequestAttachment", AttachmentMeta],
  ["RightsSettings", RightsSettings],
] as const) {
  if (!apiSchemaRegistry.has(schema)) apiSchemaRegistry.add(schema, { id });
}

export const TAG = "requests";

export const RequestParams = z.object({ slug: Slug, id: z.uuid().describe("The request's id") });
export const AttachmentParams = RequestParams.extend({ attId: z.uuid().describe("The attachment's id") });

export const TransitionBody = z.object(TransitionFields).strict();

/** Responses with personal data are never stored by a cache on the way. */
export const NO_STORE = "no-store";

export function requestLocation(prefix: string, slug: string, id: string): string {
  return `${prefix}/organisations/${slug}/requests/${id}`;
}
