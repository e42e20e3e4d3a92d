import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type ValidationIssue, validationError } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { keyIdOf, parsePeerPublicKey } from "../opendsr-signature.ts";
import { PeerInput, type PeerInputParsed } from "./peer.schema.ts";

/** The columns a valid peer input gives, checked against the register and the other peers. */
export type PeerFields = {
  ref: string;
  name: string;
  kind: "remote" | "local";
  relation: "controller" | "processor";
  register_refs: string;
  base_url: string | null;
  public_key: string | null;
  key_id: string | null;
  local_org_id: string | null;
};

/**
 * Validates a peer before it is written: the key parses, the register entries exist (processors for a
 * processor, processor-register entries for a controller), a local organisation exists and is not the
 * organisation itself, and no other active peer of the organisation holds the same key (a signature must
 * name one peer). Every failure is a 400 naming the field.
 */
export async function validatePeer(
  db: Kysely<Database>,
  orgId: string,
  body: unknown,
  options: { exceptPeerId?: string } = {},
): Promise<PeerFields> {
  const input: PeerInputParsed = parseOrThrow(PeerInput, body);
  const issues: ValidationIssue[] = [];
  const table = input.relation === "processor" ? "processors" : "processor_entries";
  if (input.registerRefs.length > 0) {
    const found = await db
      .selectFrom(table)
      .select("ref")
      .where("org_id", "=", orgId)
      .where("ref", "in", input.registerRefs)
      .execute();
    const known = new Set(found.map((r) => r.ref));
    input.registerRefs.forEach((ref, i) => {
      if (!known.has(ref)) {
        issues.push({
          path: `registerRefs[${i}]`,
          rule: "known_register_entry",
          message:
            input.relation === "processor"
              ? `no processor "${ref}" in the directory of processors`
              : `no entry "${ref}" in the processor register`,
        });
      }
    });
  }
  let publicKey: string | null = null;
  let keyId: string | null = null;
  let localOrgId: string | null = null;
  if (input.kind === "remote") {
    const parsed = parsePeerPublicKey(input.publicKey);
    if ("error" in parsed) issues.push({ path: "publicKey", rule: "public_key", message: parsed.error });
    else {
      publicKey = parsed.key.export({ type: "spki", format: "pem" }).toString();
      keyId = keyIdOf(parsed.key);
      let same = db
        .selectFrom("opendsr_peers")
        .select("ref")
        .where("org_id", "=", orgId)
        .where("key_id", "=", keyId)
        .where("status", "=", "active");
      if (options.exceptPeerId) same = same.where("id", "!=", options.exceptPeerId);
      const other = await same.executeTakeFirst();
      if (other) {
        issues.push({
          path: "publicKey",
          rule: "unique_key",
          message: `is already the key of peer "${other.ref}"`,
        });
      }
    }
  } else {
    const org = await db
      .selectFrom("organisations")
      .select(["id", "archived_at"])
      .where("slug", "=", input.organisation)
      .executeTakeFirst();
    if (!org || org.archived_at !== null)
      issues.push({
        path: "organisation",
        rule: "known_organisation",
        message: "no active organisation with this slug in this Gardien",
      });
    else if (org.id === orgId)
      issues.push({ path: "organisation", rule: "not_self", message: "must be another organisation" });
    else localOrgId = org.id;
  }
  if (issues.length > 0) throw validationError(issues);
  return {
    ref: input.ref,
    name: input.name,
    kind: input.kind,
    relation: input.relation,
    register_refs: JSON.stringify(input.registerRefs),
    base_url: input.kind === "remote" ? input.baseUrl : null,
    public_key: publicKey,
    key_id: keyId,
    local_org_id: localOrgId,
  };
}
