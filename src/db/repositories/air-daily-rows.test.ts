import { describe, expect, it } from "vitest";
import type { AirDayRecord } from "./air-daily.repository.js";
import { COLUMNS, ColumnBatches, toBatches, toValues } from "./air-daily-rows.js";

const pollutant = (mean: number | null, max8h: number | null = null) => ({ hours: mean === null ? 0 : 24, mean, max1h: mean === null ? null : mean + 1, max8h });

/** A station-day whose values all differ from day to day (date i days after 2017-01-01). */
function day(i: number, station: string): AirDayRecord {
  return {
    scope: "station",
    subject: station,
    city: "beijing-cn",
    importedAt: "2026-11-28T00:00:00.000Z",
    date: new Date(Date.UTC(2017, 0, 1 + i)).toISOString().slice(0, 10),
    stations: 1,
    pollutants: { pm25: pollutant(10 + i / 7), pm10: pollutant(i % 5 === 0 ? null : 20 + i), so2: pollutant(3), no2: pollutant(40.5), co: pollutant(0.7, 0.9), o3: pollutant(60, 80 + i) },
    indices: {
      cn: { standard: "cn-2012", value: 40 + (i % 30), level: 1, primary: i % 2 === 0 ? [] : ["pm25"] },
      us: { standard: "us-epa-2024", value: 60, level: 2, primary: ["pm25", "o3_8h"] },
      eu: { standard: "eu-eaqi-2024", value: 3, level: 3, primary: ["no2"] },
    },
    sources: ["openaq"],
  };
}

/** The rows of a batch as toValues gives them, decoded as the writer's worker reads it. */
function decode(b: ReturnType<typeof toBatches>[number]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  let n = 0;
  let t = 0;
  for (let r = 0; r < b.rows; r++) {
    rows.push(
      [...b.layout].map((kind) => {
        if (kind === "t") return b.strings[b.codes[t++]!]!;
        const v = b.numbers[n++]!;
        return Number.isNaN(v) ? null : v;
      }),
    );
  }
  return rows;
}

describe("ColumnBatches", () => {
  it("cuts days into batches of its size whose decoded rows are toValues' rows, each text of a batch once", () => {
    const days = [...Array.from({ length: 1300 }, (_, i) => day(i, "openaq-1")), ...Array.from({ length: 1200 }, (_, i) => day(i, "openaq-2"))];
    const batches = toBatches(days);
    expect(batches.map((b) => b.rows)).toEqual([1000, 1000, 500]);
    expect(batches.flatMap(decode)).toEqual(days.map((d) => toValues(d)));
    for (const b of batches) {
      expect(new Set(b.strings).size).toBe(b.strings.length);
      expect(b.numbers).toHaveLength(b.rows * [...b.layout].filter((k) => k === "n").length);
      expect(b.layout).toHaveLength(COLUMNS.length);
    }
  });

  it("writes each day's own lists when days share list objects, alternate them or change them", () => {
    const none: string[] = [];
    const pm25 = ["pm25"];
    const two = ["pm25", "o3_8h"];
    const sources = ["openaq"];
    const days = Array.from({ length: 9 }, (_, i) => {
      const d = day(i, i < 5 ? "openaq-1" : "openaq-2");
      d.indices.cn.primary = [none, pm25, two][i % 3]!;
      d.indices.us.primary = i % 2 === 0 ? pm25 : none;
      d.indices.eu.primary = i === 4 ? ["no2", "pm10"] : two;
      d.sources = i < 6 ? sources : ["openaq", "uci-beijing-multisite"];
      return d;
    });
    const batches = toBatches(days);
    expect(batches.flatMap(decode)).toEqual(days.map((d) => toValues(d)));
    expect(batches.flatMap(decode).map((r) => r[COLUMNS.indexOf("cn_primary")])).toEqual(["", "pm25", "pm25,o3_8h", "", "pm25", "pm25,o3_8h", "", "pm25", "pm25,o3_8h"]);
  });

  it("gives a batch when one fills and the rest on flush, and nothing for no days", () => {
    const builder = new ColumnBatches(2);
    expect(builder.add(day(0, "a"))).toBeNull();
    expect(builder.add(day(1, "a"))?.rows).toBe(2);
    expect(builder.add(day(2, "b"))).toBeNull();
    const last = builder.flush()!;
    expect(decode(last)).toEqual([toValues(day(2, "b"))]);
    expect(builder.flush()).toBeNull();
    expect(toBatches([])).toEqual([]);
  });
});
