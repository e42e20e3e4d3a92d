/**
 * The data subject request model. Everything that identifies the person is in `Requester` and is sealed
 * at rest (src/crypto); the rest of a request holds no personal data and is what the workflow runs on.
 */
import { z } from "zod";

/** Arts. 15–22 and 7(3). `automated_decision_review` is the Art. 22(3) right to human intervention. */
export const REQUEST_TYPES = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "portability",
  "consent_withdrawal",
  "automated_decision_review",
] as const;
export const RequestType = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof RequestType>;

export const REQUEST_STATUSES = [
  "received",
  "awaiting_identity",
  "in_progress",
  "awaiting_controller",
  "awaiting_processors",
  "answered",
  "closed",
  "withdrawn",
] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** How the request reached the organisation; the date of receipt starts the Art. 12(3) period whatever the channel. */
export const REQUEST_CHANNELS = [
  "web_form",
  "api",
  "email",
  "letter",
  "phone",
  "in_person",
  "opendsr",
  "forwarded",
] as const;
export const RequestChannel = z.enum(REQUEST_CHANNELS);
export type RequestChannel = z.infer<typeof RequestChannel>;

/** `not_required`: staff know the person (a letter from a known customer); `more_info_requested`: Art. 12(6). */
export const IDENTITY_STATUSES = ["pending", "verified", "more_info_requested", "not_required"] as const;
export const IdentityStatus = z.enum(IDENTITY_STATUSES);
export type IdentityStatus = z.infer<typeof IdentityStatus>;

/** Art. 12(4) "no action" is its own outcome: the letter must still go out within the month. */
export const REQUEST_OUTCOMES = ["granted", "partly_granted", "refused", "no_action"] as const;
export const RequestOutcome = z.enum(REQUEST_OUTCOMES);
export type RequestOutcome = z.infer<typeof RequestOutcome>;

/** Which side of Art. 28 the organisation is on for this request. */
export const RequestRole = z.enum(["controller", "processor"]);
export type RequestRole = z.infer<typeof RequestRole>;

export const Lang = z.enum(["fr", "en"]);
export type Lang = z.infer<typeof Lang>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Who asks, and what they said. Sealed as a whole; at least one way to answer them is required. */
export const Requester = z
  .object({
    name: text(200).optional(),
    email: z.string().trim().max(254).pipe(z.email()).optional(),
    phone: text(40).optional(),
    postalAddress: text(500).optional(),
    /** An identifier the organisation knows the person by (customer number, account id). */
    customerId: text(200).optional(),
    /** The person's own words: what they ask, which data, what to rectify. */
    message: text(10_000).optional(),
    /** Someone acting for the person (a lawyer, a parent, an association under Art. 80). */
    representative: text(300).optional(),
  })
  .strict()
  .refine((r) => r.email !== undefined || r.postalAddress !== undefined, {
    message: "needs an e-mail or a postal address to answer to",
    path: ["email"],
  });
export type Requester = z.infer<typeof Requester>;

/** What the organisation's systems, the form and staff all send to create a request. */
export const CreateRequestInput = z
  .object({
    type: RequestType,
    requester: Requester,
    channel: RequestChannel,
    /** When the organisation received it; defaults to now. A letter's date of receipt, not its date of writing. */
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    lang: Lang.optional(),
    role: RequestRole.default("controller"),
    /** The register activities the request concerns (refs); empty: all that may concern the person. */
    activityRefs: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
    /**
     * Identity already established (staff know the person, or the system that posts authenticated them).
     * Otherwise a request waits for the e-mail link before work starts.
     */
    identityVerified: z.boolean().default(false),
    /** For requests from another controller or processor (OpenDSR, forwarding): their ids. No personal data. */
    external: z
      .object({
        source: z.enum(["opendsr", "internal", "email"]),
        remoteRequestId: z.string().min(1).max(200).optional(),
        counterpartOrgId: z.string().min(1).max(200).optional(),
        counterpartName: z.string().min(1).max(300).optional(),
        parentRequestId: z.string().min(1).max(200).optional(),
        statusCallbackUrls: z.array(z.url()).max(5).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CreateRequestInput = z.input<typeof CreateRequestInput>;

/** What moving a request along the workflow takes, from the API and the CLI alike. */
export const TransitionFields = {
  to: RequestStatus,
  outcome: RequestOutcome.optional().describe("Required to move to answered"),
  note: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .optional()
    .describe("Why (sealed on the timeline, shown to staff only)"),
};

export type Extension = { extraMonths: 1 | 2; reason: string; decidedOn: string; noticeSentAt?: string };

/** A request as operations return it: the requester opened, ready for staff and letters. */
export type DataSubjectRequest = {
  id: string;
  orgId: string;
  number: number;
  /** Human reference, e.g. `DSR-2026-0042` (year of receipt, number in the organisation). */
  reference: string;
  type: RequestType;
  status: RequestStatus;
  channel: RequestChannel;
  role: RequestRole;
  lang: Lang;
  receivedAt: string;
  /** Calendar date in the organisation's time zone from which the period runs. */
  receivedOn: string;
  dueOn: string;
  originalDueOn: string;
  extension: Extension | null;
  identityStatus: IdentityStatus;
  requester: Requester;
  activityRefs: string[];
  duplicateOf: string | null;
  assignee: string | null;
  outcome: RequestOutcome | null;
  external: NonNullable<z.output<typeof CreateRequestInput>["external"]> | null;
  overdueAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
};
