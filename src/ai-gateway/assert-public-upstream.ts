import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { Agent } from "undici";
import type { Config } from "../config/config.schema.ts";
import { AppError, validationError } from "../errors/app-error.ts";

// Loopback, private, link-local, carrier-grade NAT, unspecified and unique-local ranges: what an
// organisation's token must not reach through the gateway (cloud metadata at 169.254.169.254 included).
const PRIVATE_V4: ReadonlyArray<[number, number]> = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0a80000, 16],
];

function v4ToInt(address: string): number {
  return address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) {
    const n = v4ToInt(address);
    return PRIVATE_V4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  if (family === 6) {
    const a = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (mapped?.[1]) return isPrivateAddress(mapped[1]);
    return a === "::" || a === "::1" || /^f[cd]/.test(a) || /^fe[89ab]/.test(a);
  }
  return true;
}

/**
 * Refuses an upstream whose host is, or resolves to, a private address unless the install allows it
 * (`aiAllowPrivateUpstreams`). Checked when the settings are saved (400 naming `upstreamUrl`) and before
 * each call (the name may have been re-pointed since), with a precise error. The connection itself then
 * goes through `publicUpstreamAgent`, which checks the addresses it connects to: a name re-pointed
 * between the two (DNS rebinding) is refused too.
 */
export async function assertPublicUpstream(
  config: Config,
  upstreamUrl: string,
  when: "settings" | "call",
): Promise<void> {
  if (config.aiAllowPrivateUpstreams) return;
  const host = new URL(upstreamUrl).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    // An unresolvable name is the upstream's problem at call time, not a private address.
    if (when === "call") return;
    addresses = [];
  }
  if (!addresses.some(isPrivateAddress)) return;
  if (when === "settings")
    throw validationError([{ path: "upstreamUrl", rule: "public_address", message: PRIVATE }]);
  throw privateUpstreamRefused();
}

const PRIVATE =
  "must not point to a loopback or private address (an install setting, aiAllowPrivateUpstreams, allows it)";

/** The error of a call whose upstream is, or turned out to be, on a private address. */
export function privateUpstreamRefused(): AppError {
  return new AppError("NOT_CONFIGURED", `upstreamUrl ${PRIVATE}`, {
    userMessage: {
      fr: "L'adresse du modèle amont pointe vers un réseau privé ; l'installation ne l'autorise pas (aiAllowPrivateUpstreams).",
      en: "The upstream model's address points to a private network; this install does not allow it (aiAllowPrivateUpstreams).",
    },
    details: { field: "upstreamUrl", rule: "public_address" },
  });
}

/** The code of the connection error raised by the guarded lookup (the cause of fetch's TypeError). */
export const PRIVATE_UPSTREAM_CODE = "GARDIEN_PRIVATE_UPSTREAM";

type Resolve = (
  hostname: string,
  options: { all: true; family?: number },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for sockets that resolves as usual and refuses the connection when any address is private:
 * the check then holds for the very addresses the socket connects to.
 */
export function publicOnlyLookup(resolve: Resolve = dnsLookup as unknown as Resolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : options.family;
    resolve(hostname, { all: true, ...(family ? { family } : {}) }, (error, addresses) => {
      if (error) return callback(error, []);
      if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
        const refused: NodeJS.ErrnoException = new Error(`upstream host ${PRIVATE}`);
        refused.code = PRIVATE_UPSTREAM_CODE;
        return callback(refused, []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

let shared: Agent | undefined;

/**
 * The HTTP agent of upstream calls when private upstreams are not allowed (undefined when they are: the
 * default agent then serves).
 */
export function publicUpstreamAgent(config: Config): Agent | undefined {
  if (config.aiAllowPrivateUpstreams) return undefined;
  shared ??= new Agent({ connect: { lookup: publicOnlyLookup() } });
  return shared;
}
