import type { AppContext } from "../app/app-context.ts";
import { publicBaseUrl } from "../subscriptions/public-base-url.ts";
import { OPENDSR_API_VERSION, OPENDSR_REQUEST_TYPES, type OpenDsrDiscovery } from "./opendsr.schema.ts";
import {
  KEY_ID_HEADER,
  RECIPIENT_HEADER,
  SIGNATURE_ALGORITHM,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from "./opendsr-signature.ts";
import { callbackUrl } from "./outbox/queue-outbound-request.ts";
import { getSigningKey } from "./signing-key.ts";

export function openDsrBaseUrl(ctx: AppContext): string {
  return `${publicBaseUrl(ctx.config)}/opendsr/v1`;
}

/**
 * `GET /opendsr/v1/discovery?org={slug}` (OpenDSR §6): what this Gardien accepts, and the organisation's
 * signing key. `processor_certificate` points at the PEM public key rather than an X.509 certificate: a
 * peer trusts the key staff registered (pinning), not a certificate authority.
 */
export async function describeOpenDsrEndpoint(ctx: AppContext, orgId: string): Promise<OpenDsrDiscovery> {
  const key = await getSigningKey(ctx, orgId);
  return {
    api_version: OPENDSR_API_VERSION,
    supported_identities: [
      { identity_type: "email", identity_format: "raw" },
      { identity_type: "email", identity_format: "sha256" },
      { identity_type: "controller_customer_id", identity_format: "raw" },
    ],
    supported_subject_request_types: [...OPENDSR_REQUEST_TYPES],
    processor_certificate: `${openDsrBaseUrl(ctx)}/keys/${key.keyId}`,
    signature: {
      algorithm: SIGNATURE_ALGORITHM,
      key_id: key.keyId,
      headers: [SIGNATURE_HEADER, KEY_ID_HEADER, TIMESTAMP_HEADER, RECIPIENT_HEADER],
    },
  };
}

export type OpenDsrIdentity = {
  keyId: string;
  algorithm: string;
  publicKey: string;
  baseUrl: string;
  discoveryUrl: string;
  callbackUrl: string;
};

/** What staff give a peer to register this organisation: its key and where to reach it. */
export async function describeOpenDsrIdentity(
  ctx: AppContext,
  org: { id: string; slug: string },
): Promise<OpenDsrIdentity> {
  const key = await getSigningKey(ctx, org.id);
  return {
    keyId: key.keyId,
    algorithm: key.algorithm,
    publicKey: key.publicKeyPem,
    baseUrl: openDsrBaseUrl(ctx),
    discoveryUrl: `${openDsrBaseUrl(ctx)}/discovery?org=${org.slug}`,
    callbackUrl: callbackUrl(ctx),
  };
}
