type Numbers = Int32Array | Uint8Array | Float64Array;

/** Entries per block: 8,192 (64 KB of Float64). */
const SHIFT = 13;
const MASK = (1 << SHIFT) - 1;

/**
 * A growable column of numbers (`width` of them per entry) in fixed-size blocks. A doubling array
 * copies itself at each growth and holds both copies meanwhile, and may stand half empty: at
 * 560,000 rows, 1,048,576 entries. Blocks are never copied, and over-allocate by one at most.
 */
export class Column<T extends Numbers> {
  readonly #blocks: T[] = [];
  readonly #make: (length: number) => T;
  readonly #width: number;

  constructor(make: (length: number) => T, width = 1) {
    this.#make = make;
    this.#width = width;
  }

  get(i: number, k = 0): number {
    return this.block(i)[this.offset(i) + k] as number;
  }

  set(i: number, value: number, k = 0): void {
    while (i >>> SHIFT >= this.#blocks.length) this.#blocks.push(this.#make((MASK + 1) * this.#width));
    this.block(i)[this.offset(i) + k] = value;
  }

  /** The block holding entry i, whose `width` elements begin at offset(i): for byte-level access. */
  block(i: number): T {
    const block = this.#blocks[i >>> SHIFT];
    if (!block) throw new RangeError(`no entry ${i}`);
    return block;
  }

  offset(i: number): number {
    return (i & MASK) * this.#width;
  }
}
