import { ENTITY_TYPES, type Entity } from "../entity.ts";

/**
 * Entities of many texts packed in one Int32Array, so a worker hands them back by transfer instead of
 * cloning objects: [count of text 0, count of text 1, …, then type, start, end, score×1000 per entity].
 */
export function encodeEntities(results: readonly Entity[][]): Int32Array {
  let total = 0;
  for (const r of results) total += r.length;
  const out = new Int32Array(results.length + total * 4);
  let p = results.length;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    out[i] = r.length;
    for (const e of r) {
      out[p++] = ENTITY_TYPES.indexOf(e.type);
      out[p++] = e.start;
      out[p++] = e.end;
      out[p++] = Math.round(e.score * 1000);
    }
  }
  return out;
}

export function decodeEntities(packed: Int32Array, texts: number): Entity[][] {
  const results: Entity[][] = new Array(texts);
  let p = texts;
  for (let i = 0; i < texts; i++) {
    const n = packed[i]!;
    const r: Entity[] = new Array(n);
    for (let k = 0; k < n; k++) {
      r[k] = {
        type: ENTITY_TYPES[packed[p]!]!,
        start: packed[p + 1]!,
        end: packed[p + 2]!,
        score: packed[p + 3]! / 1000,
      };
      p += 4;
    }
    results[i] = r;
  }
  return results;
}
