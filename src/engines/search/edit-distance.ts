/**
 * Levenshtein distance between two strings (insertions, deletions and substitutions of one code
 * point each cost 1), stopping early once it must exceed `max`.
 *
 * @param max distance above which the exact value does not matter; returns `max + 1` then
 * @example editDistance("congestoin", "congestion") //=> 2
 * Reference: Wagner & Fischer (1974), "The string-to-string correction problem", J. ACM 21(1).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return Math.min(prev[t.length]!, max + 1);
}
