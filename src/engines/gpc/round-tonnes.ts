/**
 * Rounds tonnes to the gram (6 decimals) so sums of binary fractions print as people expect.
 * @example roundTonnes(0.1 + 0.2) //=> 0.3
 */
export function roundTonnes(t: number): number {
  const r = Math.round(t * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}
