/**
 * How many valid values an average needs. Applied to daily aggregates of hourly data and to
 * annual means, both in the pure reference (dailyValues) and in the DuckDB ingestion.
 */
export const COMPLETENESS = {
  /** A 24-hour mean (and the day's 1-hour maximum) needs at least 20 hourly values. GB 3095-2012 Table 4. */
  dailyMinHours: 20,
  /** An 8-hour mean needs at least 6 hourly values. GB 3095-2012 Table 4. */
  eightHourMinHours: 6,
  /**
   * The daily maximum 8-hour mean is taken over the 17 windows that lie inside the day (ending
   * 08:00 … 24:00, the HJ 663-2013 definition) and needs at least 13 valid windows (75 %, the
   * rule of EPA's AirNow for daily ozone; GB 3095-2012 sets no count of windows).
   */
  eightHourWindows: 17,
  minEightHourWindows: 13,
  /** An annual mean needs at least 324 daily means, and 27 in every month (25 in February). GB 3095-2012 Table 4. */
  annualMinDays: 324,
  monthlyMinDays: 27,
  februaryMinDays: 25,
} as const;
