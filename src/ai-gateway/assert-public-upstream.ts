import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
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
 * each call (the name may have been re-pointed since). A name re-pointed between this check and the
 * connection (DNS rebinding) is not caught: an install that fears it keeps an egress firewall.
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
  const message =
    "must not point to a loopback or private address (an install setting, aiAllowPrivateUpstreams, allows it)";
  if (when === "settings") throw validationError([{ path: "upstreamUrl", rule: "public_address", message }]);
  throw new AppError("NOT_CONFIGURED", `upstreamUrl ${message}`, {
    userMessage: {
      fr: "L'adresse du modèle amont pointe vers un réseau privé ; l'installation ne l'autorise pas (aiAllowPrivateUpstreams).",
      en: "The upstream model's address points to a private network; this install does not allow it (aiAllowPrivateUpstreams).",
    },
    details: { field: "upstreamUrl", rule: "public_address" },
  });
}
