/**
 * A hash table from words to flag bits that is queried with a slice of the text (text, start, end) and
 * allocates nothing: the scanner looks up several words per sentence, and a `text.slice()` plus a
 * `Map.get()` for each was the largest cost of detection. A folding table compares case-insensitively
 * (ASCII and Latin-1 letters).
 *
 * The name lists make ~136,000 words and forms, a table far larger than the processor's first caches, so
 * what a lookup costs is the memory it touches. A slot is 8 bytes: the word's 32-bit hash, and 16 bits of
 * a second, independent hash beside its 16 flag bits. A hit reads one slot (two, now and then, by linear
 * probing) and no stored word. A word the table does not hold is mistaken for one only if both hashes
 * match the slot it is compared with: odds of 2^-48 per comparison, and `freeze` refuses two words of the
 * lists that collide so. Storing the words and comparing them made a hit touch four arrays; on the
 * scanner's own lookups a hit cost ~100 ns that way and ~40 ns this way (2 MB of slots instead of ~6 MB).
 *
 * The table is filled once (`add`), then frozen into a `WordTable`, whose arrays never change.
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
  /** The filter's size in bits, minus one, and 32 minus its log2 (see `secondBit`). */
  readonly filterMask: number;
  readonly filterShift: number;
  /**
   * Per slot, side by side: the first hash, then the second hash's top 16 bits (never 0: 0 marks an
   * empty slot) above the word's 16 flag bits.
   */
  readonly slots: Int32Array;
};

/** FNV-1a: the first hash of a word is `hashStep` applied to HASH_SEED and each code unit in turn. */
export const HASH_SEED = 0x811c9dc5 | 0;
export const hashStep = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
/** The second hash: another multiplier, added rather than xor-ed, and the high bits folded back in. */
const SEED2 = 0x2545f491;
const step2 = (g: number, c: number) => Math.imul(g + c, 0x2c1b3c6d) ^ (g >>> 15);
/** The 16 bits of the second hash a slot keeps: its top bits, 1 in place of 0. */
const checkOf = (g: number) => g >>> 16 || 1;

/** Lower-cases ASCII and Latin-1 capitals; other code units stay as they are. */
export function fold(c: number): number {
  if (c >= 65 && c <= 90) return c | 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}

/**
 * The filter's second bit: the top bits of the hash mixed again, so that it does not share bits with the
 * first (the low bits).
 */
const secondBit = (h: number, shift: number) => Math.imul(h, 0x9e3779b1) >>> shift;

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
      // At most 80 % full: linear probing then reads ~1.3 slots per hit, all in one cache line mostly.
      while (size * 0.8 < entries.size) size *= 2;
      const mask = size - 1;
      const slots = new Int32Array(size * 2);
      // At least eight bits per word: under 5 % false positives (256 KB for the name lists, a few KB for cues).
      let filterLog2 = 12;
      while (1 << filterLog2 < entries.size * 8) filterLog2++;
      const filterMask = (1 << filterLog2) - 1;
      const filterShift = 32 - filterLog2;
      const filter = new Int32Array(1 << (filterLog2 - 5));
      for (const [key, f] of entries) {
        let h = HASH_SEED;
        let g = SEED2;
        for (let i = 0; i < key.length; i++) {
          h = hashStep(h, key.charCodeAt(i));
          g = step2(g, key.charCodeAt(i));
        }
        if (f >>> 16 !== 0) throw new Error(`word table: flags of "${key}" exceed 16 bits`);
        const check = checkOf(g);
        let idx = h & mask;
        while (slots[2 * idx + 1] !== 0) {
          if (slots[2 * idx] === h && slots[2 * idx + 1]! >>> 16 === check)
            throw new Error(`word table: "${key}" collides with another word on both hashes`);
          idx = (idx + 1) & mask;
        }
        slots[2 * idx] = h;
        slots[2 * idx + 1] = (check << 16) | f;
        const b1 = h & filterMask;
        const b2 = secondBit(h, filterShift);
        filter[b1 >>> 5]! |= 1 << (b1 & 31);
        filter[b2 >>> 5]! |= 1 << (b2 & 31);
      }
      return { folding, mask, filter, filterMask, filterShift, slots };
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

/**
 * Flags of text[start, end) whose first hash the caller computed with `hashStep` (folded for a folding
 * table). The second hash is computed only for a word that passes the filter.
 */
export function lookupHashed(table: WordTable, text: string, start: number, end: number, h: number): number {
  const filter = table.filter;
  const b1 = h & table.filterMask;
  const b2 = secondBit(h, table.filterShift);
  if (((filter[b1 >>> 5]! >>> (b1 & 31)) & (filter[b2 >>> 5]! >>> (b2 & 31)) & 1) === 0) return 0;
  let g = SEED2;
  if (table.folding) for (let i = start; i < end; i++) g = step2(g, FOLD[text.charCodeAt(i)]!);
  else for (let i = start; i < end; i++) g = step2(g, text.charCodeAt(i));
  const check = checkOf(g);
  const mask = table.mask;
  const slots = table.slots;
  let idx = h & mask;
  for (;;) {
    const v = slots[2 * idx + 1]!;
    if (v === 0) return 0;
    if (slots[2 * idx] === h && v >>> 16 === check) return v & 0xffff;
    idx = (idx + 1) & mask;
  }
}
