import { ENTITY_TYPES, type Entity, type EntityType } from "../entity.ts";

/*
 * Entities of many texts packed in one Int32Array, so a worker hands them back by transfer instead of
 * cloning objects: [count of text 0, count of text 1, …, then type, start, end, score×1000 per entity].
 */
const TYPE_INDEX = new Map<EntityType, number>(ENTITY_TYPES.map((t, i) => [t, i]));

/** Builds the packed form text by text, in one growing buffer (reused between jobs until handed over). */
export class EntityPacker {
  private buffer = new Int32Array(1 << 16);
  private p = 0;

  reset(texts: number): void {
    if (this.buffer.length < texts * 2) this.buffer = new Int32Array(texts * 2);
    this.p = texts;
  }

  add(index: number, entities: readonly Entity[]): void {
    let out = this.buffer;
    out[index] = entities.length;
    if (entities.length === 0) return;
    if (this.p + entities.length * 4 > out.length) {
      const bigger = new Int32Array(Math.max(out.length * 2, this.p + entities.length * 4));
      bigger.set(out.subarray(0, this.p));
      this.buffer = out = bigger;
    }
    let p = this.p;
    for (const e of entities) {
      out[p++] = TYPE_INDEX.get(e.type)!;
      out[p++] = e.start;
      out[p++] = e.end;
      out[p++] = Math.round(e.score * 1000);
    }
    this.p = p;
  }

  /** A copy of the packed array, sized to fit (it is transferred away); the buffer serves the next job. */
  finish(): Int32Array {
    const packed = this.buffer.slice(0, this.p);
    return packed;
  }
}

/** Decodes the entities of `texts` texts into `results[offset…]`. */
export function decodeEntitiesInto(
  packed: Int32Array,
  texts: number,
  results: Entity[][],
  offset: number,
): void {
  let p = texts;
  for (let i = 0; i < texts; i++) {
    const n = packed[i]!;
    if (n === 0) {
      results[offset + i] = [];
      continue;
    }
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
    results[offset + i] = r;
  }
}
