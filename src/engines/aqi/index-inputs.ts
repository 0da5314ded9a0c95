import type { Concentrations, PollutantKey } from "./types.js";

/** The pollutants the 0–500 indices read: every key but the bare `o3`. */
export type IndexKey = Exclude<PollutantKey, "o3">;

/**
 * The concentrations an index reads, with `o3` taken as the 1-hour O3 value when `o3_1h` is not
 * given (and a note saying so). Built field by field, no spread and delete: this runs for every
 * station-day of an import.
 * @example indexInputs({ o3: 120 }).given.o3_1h //=> 120
 */
export function indexInputs(input: Concentrations): { given: Partial<Record<IndexKey, number>>; notes: string[] } {
  const given: Partial<Record<IndexKey, number>> = {
    pm25: input.pm25, pm10: input.pm10, so2: input.so2, no2: input.no2, co: input.co, o3_8h: input.o3_8h, o3_1h: input.o3_1h,
  };
  const notes: string[] = [];
  if (input.o3 !== undefined && input.o3_1h === undefined) {
    given.o3_1h = input.o3;
    notes.push("o3 read as the 1-hour O3 value");
  }
  return { given, notes };
}
