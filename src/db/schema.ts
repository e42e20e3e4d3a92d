/**
 * Table types for Kysely. Register documents live in `data` as canonical JSON text, validated by the
 * Zod model on the way in and out; the columns beside it are what queries filter and sort on.
 * Times are ISO 8601 UTC strings in both dialects so that rows compare and hash the same way.
 */
import type { Generated } from "kysely";

export type OrganisationRow = {
  id: string;
  slug: string;
  data: string;
  revision: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

/** Activities, processors and processor-register entries share one shape: a document keyed by org + ref. */
export type OrgDocumentRow = {
  id: string;
  org_id: string;
  ref: string;
  status: string;
  data: string;
  revision: number;
  created_at: string;
  updated_at: string;
};

export type RevisionRow = {
  id: string;
  org_id: string;
  entity_type: string;
  entity_id: string;
  entity_ref: string;
  revision: number;
  author: string;
  created_at: string;
  action: string;
  data: string;
  diff: string;
  restored_from: number | null;
};

export type AuditRow = {
  id: Generated<number>;
  chain: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_hash: string | null;
  after_hash: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
};

export type AuditHeadRow = { chain: string; seq: number; hash: string };

export type ApiTokenRow = {
  id: string;
  org_id: string | null;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
};

/** A frozen version of an organisation's register (see src/publication). JSON columns are text. */
export type PublicationRow = {
  id: string;
  org_id: string;
  number: number;
  published_at: string;
  author: string;
  note: string | null;
  snapshot: string;
  summary: string;
  material: string;
};

/** Someone who asked to hear of material changes. The address is encrypted; `email_hash` is an HMAC. */
export type SubscriberRow = {
  id: string;
  org_id: string;
  email_hash: string;
  email_encrypted: string;
  lang: string;
  status: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
};

/** A data subject request (src/rights). `*_sealed` columns are AES-256-GCM; JSON columns are text. */
export type RequestRow = {
  id: string;
  org_id: string;
  number: number;
  type: string;
  status: string;
  channel: string;
  role: string;
  lang: string;
  received_at: string;
  received_on: string;
  due_on: string;
  original_due_on: string;
  extension: string | null;
  /** The extension's reason, sealed (requester-identity, aad `{id}:extension`); older rows keep it in `extension`. */
  extension_reason_sealed: string | null;
  identity_status: string;
  requester_sealed: string;
  requester_lookup: string | null;
  activity_refs: string;
  duplicate_of: string | null;
  assignee_sealed: string | null;
  outcome: string | null;
  external: string | null;
  overdue_at: string | null;
  answered_at: string | null;
  closed_at: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
};

export type RequestEventRow = {
  id: string;
  request_id: string;
  org_id: string;
  seq: number;
  at: string;
  actor: string;
  kind: string;
  data: string;
  data_sealed: string | null;
};

export type RequestAttachmentRow = {
  id: string;
  request_id: string;
  org_id: string;
  name_sealed: string;
  media_type: string;
  size: number;
  sha256: string;
  content_sealed: string;
  purpose: string;
  source: string;
  created_at: string;
  actor: string;
};

export type RequestPartyRow = {
  id: string;
  request_id: string;
  org_id: string;
  role: string;
  party_ref: string;
  name: string;
  channel: string;
  status: string;
  target_org_id: string | null;
  remote_request_id: string | null;
  data: string;
  sent_at: string | null;
  answered_at: string | null;
  created_at: string;
  updated_at: string;
  /** A controller reached by e-mail: its address, sealed (email-encryption, aad `party:{id}`). */
  address_sealed: string | null;
};

export type RequestMailRow = {
  id: string;
  org_id: string;
  request_id: string | null;
  kind: string;
  dedupe_key: string | null;
  message_sealed: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
};

export type RightsSettingsRow = { org_id: string; data: string; updated_at: string };

/** An organisation's AI gateway: where it forwards, with which (sealed) key, which activity it feeds. */
export type AiGatewaySettingsRow = {
  org_id: string;
  upstream_url: string;
  api_key_sealed: string | null;
  default_model: string | null;
  activity_ref: string | null;
  operators: string;
  timeout_ms: number;
  created_at: string;
  updated_at: string;
};

/** Replacements made by the AI gateway per organisation, UTC day and entity type ("*": the day's totals). */
export type AiGatewayUsageRow = {
  org_id: string;
  day: string;
  entity_type: string;
  replacements: number;
  requests: number;
};

/** An organisation's OpenDSR signing key pair (src/opendsr); the private key is sealed. */
export type OpenDsrKeyRow = {
  org_id: string;
  key_id: string;
  algorithm: string;
  public_key: string;
  private_key_sealed: string;
  created_at: string;
};

/** A counterpart an organisation exchanges requests with: remote (OpenDSR) or local (this Gardien). */
export type OpenDsrPeerRow = {
  id: string;
  org_id: string;
  ref: string;
  name: string;
  kind: string;
  relation: string;
  register_refs: string;
  base_url: string | null;
  public_key: string | null;
  key_id: string | null;
  local_org_id: string | null;
  status: string;
  revision: number;
  created_at: string;
  updated_at: string;
};

/** One OpenDSR request exchanged with a peer, inbound or outbound. */
export type OpenDsrExchangeRow = {
  id: string;
  org_id: string;
  peer_id: string;
  direction: string;
  subject_request_id: string;
  request_id: string;
  party_id: string | null;
  body_sha256: string | null;
  callback_urls: string;
  remote_status: string | null;
  notified_status: string | null;
  expected_completion_time: string | null;
  results_url: string | null;
  polled_at: string | null;
  created_at: string;
  updated_at: string;
};

/** A signed OpenDSR message waiting to be sent (request or status callback); the body is sealed. */
export type OpenDsrOutboxRow = {
  id: string;
  org_id: string;
  exchange_id: string;
  request_id: string;
  kind: string;
  url: string;
  body_sealed: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
};

export type Database = {
  organisations: OrganisationRow;
  activities: OrgDocumentRow;
  processors: OrgDocumentRow;
  processor_entries: OrgDocumentRow;
  revisions: RevisionRow;
  audit_entries: AuditRow;
  audit_heads: AuditHeadRow;
  api_tokens: ApiTokenRow;
  publications: PublicationRow;
  subscribers: SubscriberRow;
  requests: RequestRow;
  request_events: RequestEventRow;
  request_attachments: RequestAttachmentRow;
  request_parties: RequestPartyRow;
  request_mails: RequestMailRow;
  rights_settings: RightsSettingsRow;
  ai_gateway_settings: AiGatewaySettingsRow;
  ai_gateway_usage: AiGatewayUsageRow;
  opendsr_keys: OpenDsrKeyRow;
  opendsr_peers: OpenDsrPeerRow;
  opendsr_exchanges: OpenDsrExchangeRow;
  opendsr_outbox: OpenDsrOutboxRow;
};

export type OrgDocumentTable = "activities" | "processors" | "processor_entries";
