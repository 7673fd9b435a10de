/** mulberry32: a tiny seeded PRNG, so a seed of N contacts is the same network every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

export const chance = (random: Random, p: number): boolean => random() < p;

export const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));
