import { InvalidInputError } from "../../errors.js";
import type { Concentrations, IndexResult } from "./types.js";

/**
 * Runs an index on measured data where a special case may lack the value it needs (an 8-hour O3
 * above the table with no 1-hour value, say): the pollutant the index could not use is left
 * out, with a note, instead of failing the whole day.
 * @example resilientIndex((c) => usIndex(c, US, "day"), { o3_8h: 450, pm25: 20 }).notes[0] //=> "o3_8h left out: …"
 */
export function resilientIndex(compute: (input: Concentrations) => IndexResult, input: Concentrations): IndexResult {
  // The input is copied only when a key has to be dropped: most days need no retry.
  let current: Concentrations = input;
  const dropped: string[] = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      const result = compute(current);
      return dropped.length > 0 ? { ...result, notes: [...dropped, ...result.notes] } : result;
    } catch (err) {
      const key = err instanceof InvalidInputError ? (err.problems[0]?.column as keyof Concentrations | undefined) : undefined;
      if (!key || current[key] === undefined) throw err;
      dropped.push(`${key} left out: ${err instanceof Error ? err.message : String(err)}`);
      if (current === input) current = { ...input };
      delete current[key];
    }
  }
  throw new RangeError("could not compute the index");
}

/** Keeps the entries that hold a number. */
export function measured(values: Record<string, number | null | undefined>): Concentrations {
  const out: Record<string, number> = {};
  for (const k in values) {
    const v = values[k];
    if (v !== null && v !== undefined) out[k] = v;
  }
  return out as Concentrations;
}
