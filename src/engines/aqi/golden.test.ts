import { describe, expect, it } from "vitest";
import { AQI_TABLES, golden } from "../../../test/support/aqi.js";
import { dailyIndices } from "./daily-indices.js";
import { dailyValues, type HourlyRecord } from "./daily-values.js";
import { hourlyIndices } from "./hourly-indices.js";
import type { IndexResult } from "./types.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const brief = (r: IndexResult) => ({ standard: r.standard.id, value: r.value, category: r.category?.en ?? null, primary: r.primary, subIndices: r.subIndices, notes: r.notes });

describe("golden fixtures: the one-week Beijing sample (Dongsi, 2017-01-01 to 2017-01-07)", () => {
  it("gives the same daily values and daily indices under HJ 633, US EPA and the EEA index", () => {
    const { actual, expected } = golden(FIXTURES, "dongsi-2017-01-week1", (input: { records: HourlyRecord[] }) =>
      dailyValues(input.records).map((d) => {
        const i = dailyIndices(d, AQI_TABLES);
        return { ...d, cn: brief(i.cn), us: brief(i.us), eu: brief(i.eu) };
      }),
    );
    expect(actual).toEqual(expected);
  });

  it("gives the same hourly (real-time) indices", () => {
    const { actual, expected } = golden(FIXTURES, "dongsi-2017-01-week1-hourly", (input: { records: HourlyRecord[] }) =>
      hourlyIndices(input.records, AQI_TABLES).map((h) => ({ date: h.date, hour: h.hour, cn: brief(h.cn), eu: brief(h.eu) })),
    );
    expect(actual).toEqual(expected);
  });
});
