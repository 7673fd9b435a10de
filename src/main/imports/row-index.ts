/**
 * Which planned row first holds a key (an e-mail, a LinkedIn profile, a row's fingerprint): a Map
 * from key to row that keeps no key. Hand-rolled because a preview holds an entry per row until
 * the commit: in a Map<string, number> (or a Set), the key string and the entry cost ~80–100 B of
 * V8 heap each, ~50 MB for each such key of a 560,000-row file, plus the collector's headroom.
 * Here a slot is 9 B in typed arrays (open addressing, linear probing): the row, which of the
 * row's keys it is (`part`), and the key's 32-bit hash. A key is read back from its row only
 * when the hash in a slot is the one looked up, so a collision of the hash costs one read, never
 * a wrong row. Only adds: an import plan never forgets a row.
 */
export class RowIndex<K> {
  readonly #hashOf: (key: K) => number;
  readonly #keyOf: (row: number, part: number) => K | undefined;
  /** row + 1; 0 is an empty slot. */
  #rows = new Int32Array(16);
  #parts = new Uint8Array(16);
  #hashes = new Int32Array(16);
  #size = 0;

  /**
   * `keyOf(row, part)` returns the key that `add(key, row, part)` stored: the index asks for it
   * only to tell apart keys whose hashes are equal. `part` (0–255) tells a row's keys apart.
   */
  constructor(hashOf: (key: K) => number, keyOf: (row: number, part: number) => K | undefined) {
    this.#hashOf = hashOf;
    this.#keyOf = keyOf;
  }

  get size(): number {
    return this.#size;
  }

  get(key: K): number | undefined {
    const hash = this.#hashOf(key) | 0;
    const mask = this.#rows.length - 1;
    for (let slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      const row = (this.#rows[slot] as number) - 1;
      if (row === -1) return undefined;
      if (this.#hashes[slot] === hash && this.#keyOf(row, this.#parts[slot] as number) === key) return row;
    }
  }

  /** Like Map.set for a key not in the index yet (the caller's first-wins check makes it so). */
  add(key: K, row: number, part = 0): void {
    if (part > 0xff) throw new RangeError(`part ${part} of row ${row}: at most 255`);
    // At most two thirds full: a miss (most look-ups of a file of new people) probes ~5 slots.
    if ((this.#size + 1) * 3 > this.#rows.length * 2) this.#grow();
    this.#place(this.#hashOf(key) | 0, row, part);
    this.#size += 1;
  }

  #place(hash: number, row: number, part: number): void {
    const mask = this.#rows.length - 1;
    let slot = spread(hash) & mask;
    while (this.#rows[slot] !== 0) slot = (slot + 1) & mask;
    this.#rows[slot] = row + 1;
    this.#parts[slot] = part;
    this.#hashes[slot] = hash;
  }

  #grow(): void {
    const [rows, parts, hashes] = [this.#rows, this.#parts, this.#hashes];
    this.#rows = new Int32Array(rows.length * 2);
    this.#parts = new Uint8Array(rows.length * 2);
    this.#hashes = new Int32Array(rows.length * 2);
    for (let slot = 0; slot < rows.length; slot++) {
      const row = (rows[slot] as number) - 1;
      if (row !== -1) this.#place(hashes[slot] as number, row, parts[slot] as number);
    }
  }
}

/** FNV-1a over UTF-16 code units: cheap, and a poor spread is repaired by `spread`. */
export function stringHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** MurmurHash3's finaliser: every bit of the hash reaches the low bits that pick the slot. */
function spread(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
