import type { CnStandardId } from "./types.js";

/** First local date to which HJ 633-2026 applies; earlier dates keep HJ 633-2012. */
export const HJ633_2026_FROM = "2026-03-01";

/**
 * The edition of China's AQI regulation that applies to a local date (YYYY-MM-DD): HJ 633-2012
 * up to 2026-02-28, HJ 633-2026 from 2026-03-01.
 * @example cnEditionFor("2026-02-28") //=> "cn-2012"
 * @example cnEditionFor("2026-03-01") //=> "cn-2026"
 * Source: HJ 633-2026 (in force from 2026-03-01, replacing HJ 633-2012).
 */
export function cnEditionFor(date: string): CnStandardId {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`date must be YYYY-MM-DD, got "${date}"`);
  return date < HJ633_2026_FROM ? "cn-2012" : "cn-2026";
}
