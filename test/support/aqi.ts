import { readFileSync, writeFileSync } from "node:fs";
import { loadAqiTables } from "../../src/services/aqi-tables.js";

/** The AQI tables shipped in data/aqi, for engine tests (engines may not read files themselves). */
export const AQI_TABLES = loadAqiTables();

/** Text of a file under data/, for tests that cross-check tables. */
export function dataText(relative: string): string {
  return readFileSync(new URL(`../../data/${relative}`, import.meta.url), "utf8");
}

/**
 * Golden fixture: reads `in/<name>.json`, computes, and compares with `out/<name>.json`;
 * with REGEN=1 it writes `out/<name>.json` instead (review the diff before committing).
 */
export function golden<I, O>(fixturesDir: URL, name: string, compute: (input: I) => O): { actual: O; expected: O } {
  const input = JSON.parse(readFileSync(new URL(`in/${name}.json`, fixturesDir), "utf8")) as I;
  const actual = JSON.parse(JSON.stringify(compute(input))) as O;
  const outUrl = new URL(`out/${name}.json`, fixturesDir);
  if (process.env.REGEN === "1") writeFileSync(outUrl, `${JSON.stringify(actual, null, 1)}\n`);
  return { actual, expected: JSON.parse(readFileSync(outUrl, "utf8")) as O };
}
