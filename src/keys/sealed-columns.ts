import type { AppContext } from "../app/app-context.ts";
import type { KeyUse } from "../crypto/keyring.ts";
import { emailPartyRef } from "../rights/forwarding/resolve-controller-route.ts";
import type { Requester } from "../rights/model/request.schema.ts";
import { requesterLookup } from "../rights/requests/create-request.ts";
import { emailLookupHash } from "../subscriptions/protect-email.ts";

type Row = Record<string, unknown>;

/**
 * Every column that holds a sealed value, how to open it (its key use and the additional data that binds it
 * to its row), and the keyed lookup hashes computed from it. `gardien keys rotate` walks this list; a new
 * sealed column that is not listed here would stay under a retired key, so list it when you add it.
 */
export type SealedColumn = {
  table: string;
  /** The primary key column (default `id`). */
  key?: string;
  column: string;
  /** Bytes sealed with sealBytes (attachments): re-sealed as bytes, never decoded as text. */
  binary?: boolean;
  /** Rows per transaction (default 500): large values (files up to 10 MiB) go a few at a time. */
  batch?: number;
  use: KeyUse;
  /** Columns the additional data is built from (the primary key is always read). */
  reads: readonly string[];
  aad: (row: Row) => string | undefined;
  /** A lookup hash to recompute from the opened value under the new key. */
  rehash?: { column: string; compute: (ctx: AppContext, plain: string) => string | null };
};

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    table: "requests",
    column: "requester_sealed",
    use: "requester-identity",
    reads: [],
    aad: (row) => String(row.id),
    rehash: {
      column: "requester_lookup",
      compute: (ctx, plain) => requesterLookup(ctx, JSON.parse(plain) as Requester),
    },
  },
  {
    table: "requests",
    column: "extension_reason_sealed",
    use: "requester-identity",
    reads: [],
    aad: (row) => `${String(row.id)}:extension`,
  },
  {
    table: "requests",
    column: "assignee_sealed",
    use: "requester-identity",
    reads: [],
    aad: (row) => `${String(row.id)}:assignee`,
  },
  {
    table: "request_events",
    column: "data_sealed",
    use: "requester-identity",
    reads: ["request_id"],
    aad: (row) => `${String(row.request_id)}:event:${String(row.id)}`,
  },
  {
    table: "request_mails",
    column: "message_sealed",
    use: "requester-identity",
    reads: [],
    aad: (row) => `mail:${String(row.id)}`,
  },
  {
    table: "request_attachments",
    column: "name_sealed",
    use: "request-attachment",
    reads: [],
    aad: (row) => String(row.id),
  },
  {
    table: "request_attachments",
    column: "content_sealed",
    binary: true,
    batch: 4,
    use: "request-attachment",
    reads: [],
    aad: (row) => String(row.id),
  },
  {
    table: "ai_gateway_settings",
    key: "org_id",
    column: "api_key_sealed",
    use: "ai-upstream-key",
    reads: [],
    aad: (row) => String(row.org_id),
  },
  {
    table: "opendsr_keys",
    key: "org_id",
    column: "private_key_sealed",
    use: "opendsr-secret",
    reads: [],
    aad: (row) => String(row.org_id),
  },
  {
    table: "opendsr_outbox",
    column: "body_sealed",
    use: "requester-identity",
    reads: [],
    aad: (row) => `opendsr:${String(row.id)}`,
  },
  {
    table: "request_parties",
    column: "address_sealed",
    use: "email-encryption",
    reads: [],
    aad: (row) => `party:${String(row.id)}`,
    rehash: { column: "party_ref", compute: (ctx, plain) => emailPartyRef(ctx.config, plain) },
  },
  {
    table: "subscribers",
    column: "email_encrypted",
    use: "email-encryption",
    reads: [],
    aad: () => undefined,
    rehash: { column: "email_hash", compute: (ctx, plain) => emailLookupHash(ctx.config, plain) },
  },
];
