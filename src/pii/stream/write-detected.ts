import type { Entity } from "../entity.ts";

const ASCII = new TextEncoder();
const HEAD = ASCII.encode('{"id":');
const ENTITIES = ASCII.encode(',"entities":[');
const TYPE = ASCII.encode('{"type":"');
const START = ASCII.encode('","start":');
const END = ASCII.encode(',"end":');
const SCORE = ASCII.encode(',"score":');
const TAIL = ASCII.encode("]}\n");
const encoded = new Map<string, Uint8Array>();
/** Scores are a handful of constants; the cache is bounded all the same. */
const scores = new Map<number, Uint8Array>();

/** Bytes `writeDetected` may need for a line with this id and these entities: checked before writing. */
export function detectedBytesBound(idBytes: number, entities: number): number {
  // 16-digit offsets, an entity type name under 24 bytes and a score under 24 bytes, with the keys.
  return idBytes + 24 + entities * 120;
}

/**
 * Writes the JSONL answer for one input line, `serialiseDetected`'s characters and a "\n", as bytes at
 * `at`, and returns where it ended: the batch workers fill their shared output slot this way without
 * building a string per line. `id` is the id's JSON bytes, in `idSource` from `idStart` to `idEnd`. The
 * caller checks room first (detectedBytesBound).
 */
export function writeDetected(
  out: Uint8Array,
  at: number,
  idSource: Uint8Array,
  idStart: number,
  idEnd: number,
  entities: readonly Entity[],
): number {
  at = put(out, at, HEAD);
  // A byte loop: ids are short, and a subarray would be an object per line.
  for (let k = idStart; k < idEnd; k++) out[at++] = idSource[k]!;
  at = put(out, at, ENTITIES);
  for (let k = 0; k < entities.length; k++) {
    const e = entities[k]!;
    if (k > 0) out[at++] = 44;
    at = put(out, at, TYPE);
    at = put(out, at, bytesOf(e.type));
    at = put(out, at, START);
    at = putInteger(out, at, e.start);
    at = put(out, at, END);
    at = putInteger(out, at, e.end);
    at = put(out, at, SCORE);
    at = put(out, at, scoreBytes(e.score));
    out[at++] = 125;
  }
  return put(out, at, TAIL);
}

function put(out: Uint8Array, at: number, bytes: Uint8Array): number {
  for (let k = 0; k < bytes.length; k++) out[at + k] = bytes[k]!;
  return at + bytes.length;
}

/** A non-negative integer below 2^53, as String() writes it. */
function putInteger(out: Uint8Array, at: number, n: number): number {
  let digits = 1;
  for (let v = n; v >= 10; v = Math.floor(v / 10)) digits++;
  for (let k = digits - 1; k >= 0; k--) {
    out[at + k] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
  return at + digits;
}

function bytesOf(type: string): Uint8Array {
  let bytes = encoded.get(type);
  if (bytes === undefined) {
    bytes = ASCII.encode(type);
    encoded.set(type, bytes);
  }
  return bytes;
}

function scoreBytes(score: number): Uint8Array {
  let bytes = scores.get(score);
  if (bytes === undefined) {
    bytes = ASCII.encode(String(score));
    if (scores.size < 256) scores.set(score, bytes);
  }
  return bytes;
}
