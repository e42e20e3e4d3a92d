import type { Migration } from "kysely/migration";
import * as m0001 from "./2026-11-24-0001-register.ts";
import * as m0002 from "./2026-11-24-0002-publication.ts";
import * as m0003 from "./2026-11-24-0003-audit-heads.ts";
import * as m0004 from "./2026-11-24-0004-rights.ts";
import * as m0005 from "./2026-11-24-0005-ai-gateway.ts";
import * as m0006 from "./2026-11-24-0006-opendsr.ts";
import * as m0007 from "./2026-11-24-0007-party-address.ts";
import * as m0008 from "./2026-11-24-0008-extension-reason.ts";
import * as m0009 from "./2026-11-24-0009-package-expiry-index.ts";
import * as m0010 from "./2026-11-24-0010-drop-exchange-identities.ts";

/** Every migration, keyed by a date-prefixed name so that Kysely runs them in order. */
export const MIGRATIONS: Record<string, Migration> = {
  "2026-11-24-0001-register": m0001,
  "2026-11-24-0002-publication": m0002,
  "2026-11-24-0003-audit-heads": m0003,
  "2026-11-24-0004-rights": m0004,
  "2026-11-24-0005-ai-gateway": m0005,
  "2026-11-24-0006-opendsr": m0006,
  "2026-11-24-0007-party-address": m0007,
  "2026-11-24-0008-extension-reason": m0008,
  "2026-11-24-0009-package-expiry-index": m0009,
  "2026-11-24-0010-drop-exchange-identities": m0010,
};
