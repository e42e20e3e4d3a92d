import { F_HEX, F_WORD, FLAGS } from "./char-class.ts";
import { emit, type Scan } from "./scan-state.ts";

function isHex(c: number): boolean {
  return (FLAGS[c]! & F_HEX) !== 0;
}

/** Reads a dotted quad at `i` for IPv6's embedded IPv4 tail ("::ffff:192.0.2.1"); returns its end or -1. */
function ipv4Tail(text: string, i: number): number {
  let p = i;
  for (let part = 0; part < 4; part++) {
    let v = 0;
    const from = p;
    while (p < text.length && p - from < 3 && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) {
      v = v * 10 + text.charCodeAt(p) - 48;
      p++;
    }
    if (p === from || v > 255) return -1;
    if (part < 3) {
      if (text.charCodeAt(p) !== 46) return -1;
      p++;
    }
  }
  return p;
}

/**
 * Parses an IPv6 address starting at `s` (RFC 4291 text forms: eight groups, or fewer with one "::",
 * optionally ending in a dotted quad). Emits it and returns its end, or returns -1. Times ("14:30:00") and
 * MAC addresses (six groups, no "::") fail the group count.
 */
export function scanIpv6(scan: Scan, s: number): number {
  const text = scan.text;
  const n = text.length;
  if (s > 0 && FLAGS[text.charCodeAt(s - 1)]! & F_WORD) return -1;
  let i = s;
  let groups = 0;
  let compressed = false;
  if (text.charCodeAt(i) === 58) {
    if (text.charCodeAt(i + 1) !== 58) return -1;
    compressed = true;
    i += 2;
  }
  while (i < n) {
    let h = i;
    while (h < n && h - i < 5 && isHex(text.charCodeAt(h))) h++;
    const len = h - i;
    if (len === 0) break;
    if (len > 4) return -1;
    const afterDot = text.charCodeAt(h + 1);
    if (text.charCodeAt(h) === 46 && groups <= 6 && afterDot >= 48 && afterDot <= 57) {
      const tail = ipv4Tail(text, i);
      if (tail < 0) return -1;
      groups += 2;
      i = tail;
      break;
    }
    groups++;
    i = h;
    if (text.charCodeAt(i) !== 58) break;
    if (text.charCodeAt(i + 1) === 58) {
      if (compressed) return -1;
      compressed = true;
      i += 2;
    } else if (isHex(text.charCodeAt(i + 1))) i++;
    else break;
  }
  if (compressed ? groups > 7 || groups + 1 < 2 : groups !== 8) return -1;
  if (i < n && (FLAGS[text.charCodeAt(i)]! & F_WORD || text.charCodeAt(i) === 58)) return -1;
  emit(scan, "IP_ADDRESS", s, i, 0.9);
  return i;
}

/** At a ":" in the text: finds where the hex-and-colon run around it starts, and tries IPv6 from there. */
export function scanIpv6AtColon(scan: Scan, colon: number): number {
  const text = scan.text;
  const next = text.charCodeAt(colon + 1);
  if (next !== 58 && !isHex(next)) return -1;
  let j = colon;
  while (j > 0 && colon - j < 40) {
    const c = text.charCodeAt(j - 1);
    if (c === 58 || isHex(c)) j--;
    else break;
  }
  return scanIpv6(scan, j);
}
