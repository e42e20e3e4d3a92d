/**
 * OpenDSR 2.0 messages (the OpenDSR specification, formerly OpenGDPR). Field names are the
 * specification's, snake_case. Unknown fields are ignored rather than refused: other implementations add
 * their own (the spec's `extensions` is the place for them, but not everyone uses it).
 */
import { z } from "zod";
import { Url } from "../register/model/common.schema.ts";

export const OPENDSR_API_VERSION = "2.0";

/** §6.2: the three request types OpenDSR carries; Gardien's other types have no OpenDSR form. */
export const OPENDSR_REQUEST_TYPES = ["access", "portability", "erasure"] as const;
export const OpenDsrRequestType = z.enum(OPENDSR_REQUEST_TYPES);
export type OpenDsrRequestType = z.infer<typeof OpenDsrRequestType>;

/** §5.1 identity types. */
export const IDENTITY_TYPES = [
  "controller_customer_id",
  "email",
  "android_advertising_id",
  "android_id",
  "fire_advertising_id",
  "ios_advertising_id",
  "ios_vendor_id",
  "microsoft_advertising_id",
  "microsoft_publisher_id",
  "roku_publisher_id",
  "roku_advertising_id",
] as const;
/** §5.2 identity formats. */
export const IDENTITY_FORMATS = ["raw", "sha1", "md5", "sha256"] as const;

export const OPENDSR_STATUSES = ["pending", "in_progress", "completed", "cancelled"] as const;
export const OpenDsrStatus = z.enum(OPENDSR_STATUSES);
export type OpenDsrStatus = z.infer<typeof OpenDsrStatus>;

/** UUID v4, lower case (§1.1). */
export const SubjectRequestId = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    "must be a lower-case UUID v4",
  );

const Rfc3339 = z.iso.datetime({ offset: true });

export const SubjectIdentity = z.object({
  identity_type: z.enum(IDENTITY_TYPES),
  identity_value: z.string().trim().min(1).max(500),
  identity_format: z.enum(IDENTITY_FORMATS),
});
export type SubjectIdentity = z.infer<typeof SubjectIdentity>;

/**
 * Gardien's own extension (`extensions.gardien`): the controller's decision when a processor forwarded a
 * request to it, the outcome of a Gardien request, and the addressee's key id when one sender is registered
 * by several organisations of the same Gardien. All optional: a plain OpenDSR peer never sends it.
 */
export const GardienExtension = z
  .object({
    recipient_key_id: z.string().min(1).max(100).optional(),
    controller_decision: z.enum(["confirm", "refuse"]).optional(),
    instruction: z.string().trim().min(1).max(5000).optional(),
    outcome: z.string().min(1).max(40).optional(),
  })
  .optional();

const Extensions = z.object({ gardien: GardienExtension }).optional();

/** §7.1: what a controller (or, forwarding, a processor) POSTs to `/requests`. */
export const OpenDsrRequestBody = z.object({
  regulation: z.literal("gdpr"),
  subject_request_id: SubjectRequestId,
  subject_request_type: OpenDsrRequestType,
  submitted_time: Rfc3339,
  subject_identities: z.array(SubjectIdentity).min(1).max(20),
  api_version: z.string().max(20).optional(),
  status_callback_urls: z
    .array(z.url({ protocol: /^https?$/ }))
    .max(5)
    .default([]),
  extensions: Extensions,
});
export type OpenDsrRequestBody = z.infer<typeof OpenDsrRequestBody>;

/**
 * Where a peer says the results can be fetched: a web address and nothing else (a `javascript:` or
 * `file:` address stored today would be a link on a page tomorrow), of a sane length.
 */
const ResultsUrl = Url.max(2000);

/** §8.6: a status callback. */
export const OpenDsrCallbackBody = z.object({
  controller_id: z.string().max(200).optional(),
  status_callback_url: z.url(),
  subject_request_id: SubjectRequestId,
  request_status: OpenDsrStatus,
  expected_completion_time: Rfc3339.optional(),
  results_url: ResultsUrl.nullish(),
  api_version: z.string().max(20).optional(),
  extensions: Extensions,
});
export type OpenDsrCallbackBody = z.infer<typeof OpenDsrCallbackBody>;

/** §8.3: the status response, as the outbound client reads it when polling. */
export const OpenDsrStatusBody = z.object({
  controller_id: z.string().max(200).optional(),
  expected_completion_time: Rfc3339.optional(),
  subject_request_id: SubjectRequestId,
  request_status: OpenDsrStatus,
  api_version: z.string().max(20).optional(),
  results_url: ResultsUrl.nullish(),
  extensions: Extensions,
});
export type OpenDsrStatusBody = z.infer<typeof OpenDsrStatusBody>;

/** §7.3: the 201 answer to a request. */
export const OpenDsrCreatedBody = z.object({
  controller_id: z.string(),
  expected_completion_time: Rfc3339,
  received_time: Rfc3339,
  encoded_request: z.string(),
  subject_request_id: SubjectRequestId,
  api_version: z.string().optional(),
});
export type OpenDsrCreatedBody = z.infer<typeof OpenDsrCreatedBody>;

/** §6.3: discovery. */
export const OpenDsrDiscovery = z.object({
  api_version: z.string(),
  supported_identities: z.array(
    z.object({ identity_type: z.enum(IDENTITY_TYPES), identity_format: z.enum(IDENTITY_FORMATS) }),
  ),
  supported_subject_request_types: z.array(OpenDsrRequestType),
  processor_certificate: z.url(),
  signature: z.object({ algorithm: z.string(), key_id: z.string(), headers: z.array(z.string()) }),
});
export type OpenDsrDiscovery = z.infer<typeof OpenDsrDiscovery>;
