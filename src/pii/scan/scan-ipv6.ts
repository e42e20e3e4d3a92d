import { at, F_HEX, F_WORD, FLAGS } from "./char-class.ts";
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
    while (p < text.length && p - from < 3 && at(text, p) >= 48 && at(text, p) <= 57) {
      v = v * 10 + at(text, p) - 48;
      p++;
    }
    if (p === from || v > 255) return -1;
    if (part < 3) {
      if (at(text, p) !== 46) return -1;
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
  const end = parseIpv6(scan.text, s);
  if (end < 0) {
    scan.ipv6Fail = s;
    return -1;
  }
  emit(scan, "IP_ADDRESS", s, end, 0.9);
  return end;
}

/** The end of the IPv6 address at `s`, or -1. */
function parseIpv6(text: string, s: number): number {
  const n = text.length;
  if (s > 0 && FLAGS[at(text, s - 1)]! & F_WORD) return -1;
  let i = s;
  let groups = 0;
  let compressed = false;
  if (at(text, i) === 58) {
    if (at(text, i + 1) !== 58) return -1;
    compressed = true;
    i += 2;
  }
  while (i < n) {
    let h = i;
    while (h < n && h - i < 5 && isHex(at(text, h))) h++;
    const len = h - i;
    if (len === 0) break;
    if (len > 4) return -1;
    const afterDot = at(text, h + 1);
    if (at(text, h) === 46 && groups <= 6 && afterDot >= 48 && afterDot <= 57) {
      const tail = ipv4Tail(text, i);
      if (tail < 0) return -1;
      groups += 2;
      i = tail;
      break;
    }
    groups++;
    i = h;
    if (at(text, i) !== 58) break;
    if (at(text, i + 1) === 58) {
      if (compressed) return -1;
      compressed = true;
      i += 2;
    } else if (isHex(at(text, i + 1))) i++;
    else break;
  }
  if (compressed ? groups > 7 || groups + 1 < 2 : groups !== 8) return -1;
  if (i < n && (FLAGS[at(text, i)]! & F_WORD || at(text, i) === 58)) return -1;
  return i;
}

/** At a ":" in the text: finds where the hex-and-colon run around it starts, and tries IPv6 from there. */
export function scanIpv6AtColon(scan: Scan, colon: number): number {
  const text = scan.text;
  const next = at(text, colon + 1);
  if (next !== 58 && !isHex(next)) return -1;
  let j = colon;
  while (j > 0 && colon - j < 40) {
    const c = at(text, j - 1);
    if (c === 58 || isHex(c)) j--;
    else break;
  }
  // "14:30": the number handler already tried (and failed) from the same start.
  if (j === scan.ipv6Fail) return -1;
  return scanIpv6(scan, j);
}
