import { type DailyValues, HOURLY_POLLUTANTS, type HourlyPollutant, type PollutantDay } from "./daily-values.js";

/** A city's day: daily values plus how many stations had any valid value that day. */
export interface CityDailyValues extends DailyValues {
  stations: number;
}

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * A city's daily values from its stations' values for the same date: per pollutant the
 * arithmetic mean over the stations with a valid value (of the 24-hour means, and likewise of
 * the stations' 1-hour and 8-hour maxima), `hours` the sum of the stations' valid hours.
 * China's city concentrations are station means (HJ 663-2013); averaging the stations' daily
 * maxima rather than taking maxima of the city's hourly means is an approximation, because
 * hourly data are not kept after import.
 * @example meanOverStations([dongsi, aotizhongxin]).pollutants.pm25.mean //=> (a + b) / 2
 */
export function meanOverStations(days: readonly DailyValues[]): CityDailyValues {
  const date = days[0]?.date;
  if (date === undefined || days.some((d) => d.date !== date)) throw new RangeError("meanOverStations needs days of one date");
  const pollutants = {} as Record<HourlyPollutant, PollutantDay>;
  for (const p of HOURLY_POLLUTANTS) {
    const values = days.map((d) => d.pollutants[p]);
    const pick = (k: "mean" | "max1h" | "max8h") => values.map((v) => v[k]).filter((x): x is number => x !== null);
    pollutants[p] = { hours: values.reduce((a, v) => a + v.hours, 0), mean: mean(pick("mean")), max1h: mean(pick("max1h")), max8h: mean(pick("max8h")) };
  }
  const stations = days.filter((d) => HOURLY_POLLUTANTS.some((p) => d.pollutants[p].mean !== null || d.pollutants[p].max8h !== null)).length;
  return { date, pollutants, stations };
}
