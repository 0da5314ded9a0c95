import { type DailyValues, HOURLY_POLLUTANTS, type HourlyPollutant, type PollutantDay } from "./daily-values.js";

/** A city's day: daily values plus how many stations had any valid value that day. */
export interface CityDailyValues extends DailyValues {
  stations: number;
}

// Sums are kept in a Float64Array, per date and pollutant (in HOURLY_POLLUTANTS order): the
// valid hours, then the sum and count of the 24-hour means, of the 1-hour and of the 8-hour maxima.
const FIELDS = 7;
const PER_DATE = HOURLY_POLLUTANTS.length * FIELDS;

function add(sums: Float64Array, at: number, v: PollutantDay): void {
  sums[at]! += v.hours;
  if (v.mean !== null) {
    sums[at + 1]! += v.mean;
    sums[at + 2]!++;
  }
  if (v.max1h !== null) {
    sums[at + 3]! += v.max1h;
    sums[at + 4]!++;
  }
  if (v.max8h !== null) {
    sums[at + 5]! += v.max8h;
    sums[at + 6]!++;
  }
}

/** Adds one station's day at date slot `slot`; true when the station had any valid value. */
function addDay(sums: Float64Array, slot: number, d: DailyValues): boolean {
  // Pollutant by pollutant by name: this runs for every station-day of an import.
  const { pm25, pm10, so2, no2, co, o3 } = d.pollutants;
  const at = slot * PER_DATE;
  add(sums, at, pm25);
  add(sums, at + FIELDS, pm10);
  add(sums, at + 2 * FIELDS, so2);
  add(sums, at + 3 * FIELDS, no2);
  add(sums, at + 4 * FIELDS, co);
  add(sums, at + 5 * FIELDS, o3);
  return valid(pm25) || valid(pm10) || valid(so2) || valid(no2) || valid(co) || valid(o3);
}

const valid = (v: PollutantDay): boolean => v.mean !== null || v.max8h !== null;

function mean(sums: Float64Array, at: number): PollutantDay {
  const nMean = sums[at + 2]!, nMax1h = sums[at + 4]!, nMax8h = sums[at + 6]!;
  return { hours: sums[at]!, mean: nMean === 0 ? null : sums[at + 1]! / nMean, max1h: nMax1h === 0 ? null : sums[at + 3]! / nMax1h, max8h: nMax8h === 0 ? null : sums[at + 5]! / nMax8h };
}

function cityDay(sums: Float64Array, slot: number, date: string, stations: number): CityDailyValues {
  const at = slot * PER_DATE;
  const pollutants: Record<HourlyPollutant, PollutantDay> = {
    pm25: mean(sums, at), pm10: mean(sums, at + FIELDS), so2: mean(sums, at + 2 * FIELDS), no2: mean(sums, at + 3 * FIELDS), co: mean(sums, at + 4 * FIELDS), o3: mean(sums, at + 5 * FIELDS),
  };
  return { date, pollutants, stations };
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
  const sums = new Float64Array(PER_DATE);
  let stations = 0;
  for (const d of days) if (addDay(sums, 0, d)) stations++;
  return cityDay(sums, 0, date, stations);
}

/** Station-days added one by one, for the city's mean of each date (see meanOverStationsByDate). */
export interface StationMeans {
  /** Adds a day; gives the number of its date (0, 1, … in the order dates first came). */
  add(day: DailyValues): number;
  /** The number add gave a date. */
  slot(date: string): number | undefined;
  /** The city's days, dates in order. */
  days(): CityDailyValues[];
}

/**
 * The accumulator behind meanOverStationsByDate, for a caller that has the days one at a time
 * (and need not keep them): each date's sums add up in the order the days are added.
 * @example const m = stationMeans(); dongsiDays.forEach(m.add); aotizhongxinDays.forEach(m.add); m.days()[0].stations //=> 2
 */
export function stationMeans(): StationMeans {
  const slots = new Map<string, number>();
  const dates: string[] = [];
  let sums = new Float64Array(64 * PER_DATE);
  let stations = new Int32Array(64);
  const add = (d: DailyValues): number => {
    if (d.date === undefined) throw new RangeError("meanOverStations needs days of one date");
    let slot = slots.get(d.date);
    if (slot === undefined) {
      slots.set(d.date, (slot = dates.push(d.date) - 1));
      if (slot === stations.length) {
        const grown = new Float64Array(sums.length * 2);
        grown.set(sums);
        sums = grown;
        const grownStations = new Int32Array(stations.length * 2);
        grownStations.set(stations);
        stations = grownStations;
      }
    }
    if (addDay(sums, slot, d)) stations[slot]!++;
    return slot;
  };
  const days = (): CityDailyValues[] =>
    [...dates].sort().map((date) => {
      const slot = slots.get(date)!;
      return cityDay(sums, slot, date, stations[slot]!);
    });
  return { add, slot: (date) => slots.get(date), days };
}

/**
 * meanOverStations for each date of days from several stations, dates in order. The days are
 * read once in the order given (stations' sums add up in that order for each date), not date by
 * date: this runs over every station-day of an import.
 * @example meanOverStationsByDate([...dongsiDays, ...aotizhongxinDays])[0].stations //=> 2
 */
export function meanOverStationsByDate(days: readonly DailyValues[]): CityDailyValues[] {
  const means = stationMeans();
  for (const d of days) means.add(d);
  return means.days();
}
