import { z } from "zod";
import { Ref, Slug } from "../../register/model/common.schema.ts";

/**
 * What the peer is to the organisation: its `controller` (the organisation processes data on the peer's
 * behalf: the peer's requests are instructions, Art. 28(3)(a)) or its `processor` (the peer processes data
 * on the organisation's behalf and forwards requests to it, Art. 28(3)(e)).
 */
export const PeerRelation = z.enum(["controller", "processor"]);
export type PeerRelation = z.infer<typeof PeerRelation>;

/**
 * The peer's OpenDSR base URL, `…/opendsr/v1` for another Gardien. HTTPS, except on the loopback
 * interface (tests, a peer on the same host): a request carries a person's identity.
 */
export const PeerBaseUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(500)
  .superRefine((value, issue) => {
    const url = new URL(value);
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    if (url.protocol === "http:" && !loopback)
      issue.addIssue({ code: "custom", message: "must use https (http only on the loopback interface)" });
    if (url.username || url.password)
      issue.addIssue({ code: "custom", message: "must not hold credentials" });
    if (url.search || url.hash) issue.addIssue({ code: "custom", message: "must have no query or fragment" });
  })
  .transform((value) => value.replace(/\/+$/, ""));

const common = {
  ref: Ref,
  name: z.string().trim().min(1).max(300),
  relation: PeerRelation,
  /**
   * The register entries this peer is: processor-directory refs for a `processor`, processor-register
   * entry refs (client controllers) for a `controller`. Instructions and forwards find their peer by them.
   */
  registerRefs: z.array(Ref).max(100).default([]),
};

/** An OpenDSR server: another Gardien (`https://host/opendsr/v1`) or any OpenDSR implementation. */
export const RemotePeerInput = z
  .object({
    ...common,
    kind: z.literal("remote"),
    baseUrl: PeerBaseUrl,
    publicKey: z.string().trim().min(100).max(5000).describe("The peer's RSA public key, PEM (SPKI)"),
  })
  .strict();

/** Another organisation of this Gardien. Both organisations must register each other. */
export const LocalPeerInput = z
  .object({
    ...common,
    kind: z.literal("local"),
    organisation: Slug.describe("The other organisation's slug in this Gardien"),
  })
  .strict();

export const PeerInput = z.discriminatedUnion("kind", [RemotePeerInput, LocalPeerInput]);
export type PeerInput = z.input<typeof PeerInput>;
export type PeerInputParsed = z.output<typeof PeerInput>;

/** A peer as the API returns it. */
export const PeerView = z.object({
  ref: z.string(),
  name: z.string(),
  kind: z.enum(["remote", "local"]),
  relation: PeerRelation,
  registerRefs: z.array(z.string()),
  baseUrl: z.string().nullable(),
  publicKey: z.string().nullable(),
  keyId: z.string().nullable(),
  organisation: z.string().nullable(),
  status: z.enum(["active", "archived"]),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PeerView = z.infer<typeof PeerView>;

/** A peer as operations use it. */
export type Peer = {
  id: string;
  orgId: string;
  ref: string;
  name: string;
  kind: "remote" | "local";
  relation: PeerRelation;
  registerRefs: string[];
  baseUrl: string | null;
  publicKey: string | null;
  keyId: string | null;
  localOrgId: string | null;
  status: "active" | "archived";
  revision: number;
  createdAt: string;
  updatedAt: string;
};
