/**
 * Where a city's value stands among other cities' values of the same indicator: the share of them
 * it is better than (lower is better for "lower" indicators), ties counted half. Null without a
 * direction (context figures), without other cities to compare with, or when every other city has
 * the same value (a country average applied to all its cities says nothing about the city).
 *
 * @example standing(30, "lower", [10, 40, 50, 30]) //=> { better: 0.625, of: 4 } — better than 40 and 50, level with 30
 * Reference: mid-rank percentile (ties counted half), as in Hazen's plotting position.
 */
export function standing(value: number, direction: "lower" | "higher" | null, others: readonly number[]): { better: number; of: number } | null {
  if (direction === null || others.length === 0) return null;
  let worse = 0;
  let ties = 0;
  for (const o of others) {
    if (o === value) ties++;
    else if (direction === "lower" ? o > value : o < value) worse++;
  }
  if (ties === others.length) return null;
  return { better: (worse + ties / 2) / others.length, of: others.length };
}

/** The ratio of a value to a reference value (1.5 = 50 % above), or null for a reference of 0. */
export function timesReference(value: number, reference: number): number | null {
  return reference === 0 ? null : value / reference;
}
