import { AppError } from "../errors/app-error.ts";
import type { Requester } from "../rights/model/request.schema.ts";
import type { SubjectIdentity } from "./opendsr.schema.ts";

/**
 * How an identity Gardien cannot use directly (a hashed e-mail, an advertising id) is kept in the requester's
 * `customerId`: `opendsr:<type>:<format>:<value>`, an opaque value staff can match against their systems.
 * It is sealed like every identity, and goes back out unchanged when the request is sent on.
 */
const OPAQUE = /^opendsr:([a-z_]+):([a-z0-9]+):(.+)$/;

function opaque(identity: SubjectIdentity): string {
  return `opendsr:${identity.identity_type}:${identity.identity_format}:${identity.identity_value}`;
}

export function noUsableEmail(): AppError {
  return new AppError("VALIDATION_FAILED", "subject_identities: needs a raw e-mail identity", {
    userMessage: {
      fr: "subject_identities : une identité e-mail en clair (identity_type email, identity_format raw) est requise pour enregistrer la demande.",
      en: "subject_identities: a raw e-mail identity (identity_type email, identity_format raw) is required to record the request.",
    },
    details: {
      issues: [
        {
          path: "subject_identities",
          rule: "raw_email_required",
          message: "needs an identity of type email in format raw",
        },
      ],
    },
  });
}

/**
 * The requester an OpenDSR request describes: the raw e-mail (`requester.email`, which duplicates and
 * letters use), the raw controller customer id (`customerId`), else the first other identity as an opaque
 * value. Gardien's request model needs an address to answer to, so a request without a raw e-mail is
 * refused (400) rather than stored with nothing to reach the person by.
 */
export function requesterFromIdentities(identities: readonly SubjectIdentity[]): Requester {
  const email = identities.find((i) => i.identity_type === "email" && i.identity_format === "raw");
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email.identity_value)) throw noUsableEmail();
  const customer =
    identities.find((i) => i.identity_type === "controller_customer_id" && i.identity_format === "raw")
      ?.identity_value ?? identities.filter((i) => i !== email).map(opaque)[0];
  return {
    email: email.identity_value.trim(),
    ...(customer !== undefined ? { customerId: customer.slice(0, 200) } : {}),
  };
}

/** The identities to send for a Gardien requester: the e-mail, and the customer id (raw, or as it came). */
export function identitiesFromRequester(requester: Requester): SubjectIdentity[] {
  const identities: SubjectIdentity[] = [];
  if (requester.email)
    identities.push({ identity_type: "email", identity_value: requester.email, identity_format: "raw" });
  if (requester.customerId) {
    const match = OPAQUE.exec(requester.customerId);
    identities.push(
      match
        ? ({
            identity_type: match[1],
            identity_format: match[2],
            identity_value: match[3],
          } as SubjectIdentity)
        : {
            identity_type: "controller_customer_id",
            identity_value: requester.customerId,
            identity_format: "raw",
          },
    );
  }
  return identities;
}
