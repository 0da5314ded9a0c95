import { type DailyValues, HOURLY_POLLUTANTS, type HourlyPollutant, type PollutantDay } from "./daily-values.js";

/** A city's day: daily values plus how many stations had any valid value that day. */
export interface CityDailyValues extends DailyValues {
  stations: number;
}


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
  // Loops rather than map/filter: this runs for every date of an import. Sums add the stations in order.
  const pollutants = {} as Record<HourlyPollutant, PollutantDay>;
  for (const p of HOURLY_POLLUTANTS) {
    let hours = 0;
    let sMean = 0, nMean = 0, sMax1h = 0, nMax1h = 0, sMax8h = 0, nMax8h = 0;
    for (const d of days) {
      const v = d.pollutants[p];
      hours += v.hours;
      if (v.mean !== null) {
        sMean += v.mean;
        nMean++;
      }
      if (v.max1h !== null) {
        sMax1h += v.max1h;
        nMax1h++;
      }
      if (v.max8h !== null) {
        sMax8h += v.max8h;
        nMax8h++;
      }
    }
    pollutants[p] = { hours, mean: nMean === 0 ? null : sMean / nMean, max1h: nMax1h === 0 ? null : sMax1h / nMax1h, max8h: nMax8h === 0 ? null : sMax8h / nMax8h };
  }
  let stations = 0;
  for (const d of days) if (HOURLY_POLLUTANTS.some((p) => d.pollutants[p].mean !== null || d.pollutants[p].max8h !== null)) stations++;
  return { date, pollutants, stations };
}
