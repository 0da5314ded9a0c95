/** How much a result rests on: "high" when ≥ 75 % of the people concerned voted, "medium" ≥ 40 %, else "low". */
export type ConfidenceLevel = "low" | "medium" | "high";

/**
 * Confidence words for a vote density (share of the people concerned who voted, 0–1).
 * @example confidenceLevel(0.8) //=> "high"
 * Thresholds are ours (stated here), not a standard: 0.75 and 0.4.
 */
export function confidenceLevel(density: number): ConfidenceLevel {
  if (!(density >= 0 && density <= 1)) throw new RangeError(`density must be 0–1, got ${density}`);
  return density >= 0.75 ? "high" : density >= 0.4 ? "medium" : "low";
}
