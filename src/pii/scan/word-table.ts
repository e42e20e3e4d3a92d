/**
 * A hash table from words to flag bits that is queried with a slice of the text (text, start, end) and
 * allocates nothing: the scanner looks up several words per sentence, and a `text.slice()` plus a
 * `Map.get()` for each was the largest cost of detection. Open addressing over typed arrays, FNV-1a over
 * UTF-16 code units; keys live in one Uint16Array. A folding table compares case-insensitively (ASCII and
 * Latin-1 letters).
 */
export type WordTable = {
  add(word: string, flags: number): void;
  /** Flags of text[start, end), or 0. */
  get(text: string, start: number, end: number): number;
  /** Flags of text[start, end) whose hash the caller computed with `hashStep` while reading it. */
  getHashed(text: string, start: number, end: number, hash: number): number;
  /** Flags of a whole string, or 0. */
  getWord(word: string): number;
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

const FOLD = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) FOLD[c] = fold(c);

export function createWordTable(folding: boolean): WordTable {
  let mask = 1023;
  let slots = new Int32Array(mask + 1);
  let keys = new Uint16Array(4096);
  let keysLength = 0;
  let starts = new Int32Array(256);
  let lengths = new Int32Array(256);
  let hashes = new Int32Array(256);
  let flags = new Int32Array(256);
  let count = 0;
  const map = folding ? FOLD : null;

  const hashOf = (text: string, start: number, end: number): number => {
    let h = 0x811c9dc5 | 0;
    if (map === null) for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    else for (let i = start; i < end; i++) h = Math.imul(h ^ map[text.charCodeAt(i)]!, 0x01000193);
    return h;
  };

  const find = (text: string, start: number, end: number, h: number): number => {
    const len = end - start;
    let idx = h & mask;
    for (;;) {
      const slot = slots[idx]!;
      if (slot === 0) return -1;
      const e = slot - 1;
      if (hashes[e] === h && lengths[e] === len) {
        const k0 = starts[e]! - start;
        let i = start;
        if (map === null) while (i < end && text.charCodeAt(i) === keys[k0 + i]) i++;
        else while (i < end && map[text.charCodeAt(i)] === keys[k0 + i]) i++;
        if (i === end) return e;
      }
      idx = (idx + 1) & mask;
    }
  };

  const place = (e: number) => {
    let idx = hashes[e]! & mask;
    while (slots[idx] !== 0) idx = (idx + 1) & mask;
    slots[idx] = e + 1;
  };

  const grow = <T extends Int32Array>(a: T): T => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b as T;
  };

  return {
    add(word, f) {
      let key = word;
      if (map !== null) {
        key = "";
        for (let i = 0; i < word.length; i++) key += String.fromCharCode(map[word.charCodeAt(i)]!);
      }
      const h = hashOf(key, 0, key.length);
      const existing = find(key, 0, key.length, h);
      if (existing >= 0) {
        flags[existing]! |= f;
        return;
      }
      if (count === starts.length) {
        starts = grow(starts);
        lengths = grow(lengths);
        hashes = grow(hashes);
        flags = grow(flags);
      }
      if (keysLength + key.length > keys.length) {
        const bigger = new Uint16Array(keys.length * 2 + key.length);
        bigger.set(keys);
        keys = bigger;
      }
      starts[count] = keysLength;
      lengths[count] = key.length;
      hashes[count] = h;
      flags[count] = f;
      for (let i = 0; i < key.length; i++) keys[keysLength++] = key.charCodeAt(i);
      count++;
      if (count * 2 > mask + 1) {
        mask = mask * 2 + 1;
        slots = new Int32Array(mask + 1);
        for (let e = 0; e < count; e++) place(e);
      } else place(count - 1);
    },
    get(text, start, end) {
      const e = find(text, start, end, hashOf(text, start, end));
      return e < 0 ? 0 : flags[e]!;
    },
    getHashed(text, start, end, hash) {
      const e = find(text, start, end, hash);
      return e < 0 ? 0 : flags[e]!;
    },
    getWord(word) {
      return this.get(word, 0, word.length);
    },
  };
}
