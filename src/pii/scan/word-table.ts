/**
 * A hash table from words to flag bits that is queried with a slice of the text (text, start, end) and
 * allocates nothing: the scanner looks up several words per sentence, and a `text.slice()` plus a
 * `Map.get()` for each was the largest cost of detection. Open addressing over typed arrays, FNV-1a over
 * UTF-16 code units; keys live in one Uint16Array. A folding table compares case-insensitively (ASCII and
 * Latin-1 letters).
 *
 * The table is filled once (`add`), then frozen into a `WordTable`, whose arrays never change: the
 * lookups below read them from one object shape, with no reallocation to check for.
 */
export type WordTableBuilder = {
  add(word: string, flags: number): void;
  /** The flags `word` was given so far (0: none). */
  get(word: string): number;
  /** The finished table; `add` must not be called afterwards. */
  freeze(): WordTable;
};

export type WordTable = {
  readonly folding: boolean;
  readonly mask: number;
  /**
   * Two bits per word, set from its hash: a word with either bit clear is not in the table. Small enough
   * to stay in the processor's cache, it answers most misses (the usual case) without touching the slots.
   */
  readonly filter: Int32Array;
  /** Per slot, side by side: the entry's hash, and the entry's index + 1 (0: empty slot). */
  readonly slots: Int32Array;
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
  readonly flags: Int32Array;
  readonly keys: Uint16Array;
};

/** FNV-1a: the hash of a word is `hashStep` applied to HASH_SEED and each code unit in turn. */
export const HASH_SEED = 0x811c9dc5 | 0;
export const hashStep = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);

/** Lower-cases ASCII and Latin-1 capitals; other code units stay as they are. */
export function fold(c: number): number {
  if (c >= 65 && c <= 90) return c | 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}

/** Bits in a table's filter: 32 KB, ~6 % false positives for the ~38,000 words and forms of the name lists. */
const FILTER_LOG2 = 18;
const FILTER_BITS = 1 << FILTER_LOG2;
/** The filter's second bit: the top bits of the hash mixed again, so that it does not share bits with the first. */
const secondBit = (h: number) => Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_LOG2);

const FOLD = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) FOLD[c] = fold(c);

export function createWordTable(folding: boolean): WordTableBuilder {
  const entries = new Map<string, number>();
  const keyOf = (word: string) => {
    if (!folding) return word;
    let key = "";
    for (let i = 0; i < word.length; i++) key += String.fromCharCode(FOLD[word.charCodeAt(i)]!);
    return key;
  };
  return {
    add(word, f) {
      const key = keyOf(word);
      entries.set(key, (entries.get(key) ?? 0) | f);
    },
    get: (word) => entries.get(keyOf(word)) ?? 0,
    freeze() {
      let size = 1024;
      while (size < entries.size * 2) size *= 2;
      const mask = size - 1;
      const slots = new Int32Array(size * 2);
      const filter = new Int32Array(FILTER_BITS >>> 5);
      const starts = new Int32Array(entries.size);
      const lengths = new Int32Array(entries.size);
      const flags = new Int32Array(entries.size);
      let keysLength = 0;
      for (const key of entries.keys()) keysLength += key.length;
      const keys = new Uint16Array(keysLength);
      let k = 0;
      let e = 0;
      for (const [key, f] of entries) {
        let h = HASH_SEED;
        for (let i = 0; i < key.length; i++) h = hashStep(h, key.charCodeAt(i));
        starts[e] = k;
        lengths[e] = key.length;
        flags[e] = f;
        for (let i = 0; i < key.length; i++) keys[k++] = key.charCodeAt(i);
        let idx = h & mask;
        while (slots[2 * idx + 1] !== 0) idx = (idx + 1) & mask;
        slots[2 * idx] = h;
        slots[2 * idx + 1] = e + 1;
        const b1 = h & (FILTER_BITS - 1);
        const b2 = secondBit(h);
        filter[b1 >>> 5]! |= 1 << (b1 & 31);
        filter[b2 >>> 5]! |= 1 << (b2 & 31);
        e++;
      }
      return { folding, mask, filter, slots, starts, lengths, flags, keys };
    },
  };
}

/** Flags of text[start, end), or 0. */
export function lookup(table: WordTable, text: string, start: number, end: number): number {
  let h = HASH_SEED;
  if (table.folding) for (let i = start; i < end; i++) h = hashStep(h, FOLD[text.charCodeAt(i)]!);
  else for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
  return lookupHashed(table, text, start, end, h);
}

/** Flags of text[start, end) whose hash the caller computed with `hashStep` (folded for a folding table). */
export function lookupHashed(table: WordTable, text: string, start: number, end: number, h: number): number {
  const filter = table.filter;
  const b1 = h & (FILTER_BITS - 1);
  const b2 = secondBit(h);
  if (((filter[b1 >>> 5]! >>> (b1 & 31)) & (filter[b2 >>> 5]! >>> (b2 & 31)) & 1) === 0) return 0;
  const mask = table.mask;
  const slots = table.slots;
  let idx = h & mask;
  for (;;) {
    const entry = slots[2 * idx + 1]!;
    if (entry === 0) return 0;
    if (slots[2 * idx] === h) {
      const e = entry - 1;
      if (table.lengths[e] === end - start && keyEquals(table, e, text, start, end)) return table.flags[e]!;
    }
    idx = (idx + 1) & mask;
  }
}

function keyEquals(table: WordTable, e: number, text: string, start: number, end: number): boolean {
  const keys = table.keys;
  const k0 = table.starts[e]! - start;
  if (table.folding) {
    for (let i = start; i < end; i++) if (FOLD[text.charCodeAt(i)] !== keys[k0 + i]) return false;
  } else {
    for (let i = start; i < end; i++) if (text.charCodeAt(i) !== keys[k0 + i]) return false;
  }
  return true;
}
