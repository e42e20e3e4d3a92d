import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { CreateRequestResult } from "../requests/create-request.ts";

/**
 * Where a counterpart's party goes when a request arrives from another organisation: on the new request,
 * or — when it is a duplicate (same person, same type, still open), closed at once — on the first request,
 * the one that will actually be handled. Without this, a processor waiting for a decision would wait on a
 * request nobody works on. When the first request already has a party with that ref (the same counterpart
 * sent the same person's request twice), the new one gets the next free ref (`ref-2`, `ref-3`…).
 */
export async function partyHome(
  trx: Transaction<Database>,
  created: CreateRequestResult,
  party: { role: "controller" | "processor"; ref: string },
): Promise<{ requestId: string; ref: string }> {
  const first = created.duplicateOf;
  if (!first) return { requestId: created.request.id, ref: party.ref };
  const taken = new Set(
    (
      await trx
        .selectFrom("request_parties")
        .select("party_ref")
        .where("request_id", "=", first.id)
        .where("role", "=", party.role)
        .execute()
    ).map((p) => p.party_ref),
  );
  let ref = party.ref;
  for (let n = 2; taken.has(ref); n++) ref = `${party.ref}-${n}`;
  return { requestId: first.id, ref };
}
