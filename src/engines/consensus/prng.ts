/**
 * A seeded pseudo-random generator returning floats in [0, 1): the same seed gives the same
 * sequence, so opinion groups are stable between runs.
 * @example const next = mulberry32(42); next() //=> 0.6011037519201636
 * Source: mulberry32 by Tommy Ettinger (public domain), 32-bit state, period 2^32.
 */
export function mulberry32(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  let a = Math.trunc(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
