import { describe, expect, it } from "vitest";
import { AQI_TABLES, dataText } from "../../../test/support/aqi.js";
import { csvLines } from "./csv-lines.js";
import type { Hj633Column } from "./hj633-table.js";
import type { UsColumn } from "./us-epa-table.js";

/** openaq/aqi-hub rows (MIT, commit in data/aqi/openaq-aqihub/COMMIT): an independent transcription to check ours against. */
function aqiHub(name: string): Record<string, string>[] {
  const [header, ...rows] = csvLines(dataText(`aqi/openaq-aqihub/${name}.csv`).replace(/"/g, ""));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

describe("AQI tables cross-checked against openaq/aqi-hub", () => {
  it("HJ 633-2012: every upper breakpoint matches aqi-hub's china.csv", () => {
    const t = AQI_TABLES.cn["cn-2012"];
    const column: Record<string, Hj633Column> = {
      "SO2 24": "so2_24h", "SO2 1": "so2_1h", "NO2 24": "no2_24h", "NO2 1": "no2_1h", "PM10 24": "pm10_24h",
      "CO 24": "co_24h", "CO 1": "co_1h", "O3 1": "o3_1h", "O3 8": "o3_8h", "PM2.5 24": "pm25_24h",
    };
    let checked = 0;
    for (const r of aqiHub("china")) {
      // aqi-hub lumps IAQI 301–500 into one category without an upper IAQI: those rows are not comparable.
      if (r.concentration_upper === "" || r.category_upper === "") continue;
      const col = column[`${r.pollutant} ${r.averaging_period}`]!;
      const i = t.iaqi.indexOf(Number(r.category_upper));
      expect(t.columns[col][i], `${col} at IAQI ${r.category_upper}`).toBe(Number(r.concentration_upper));
      checked++;
    }
    expect(checked).toBeGreaterThan(45);
  });

  it("US EPA 2024: every range matches aqi-hub's us.csv", () => {
    const column: Record<string, UsColumn> = {
      "PM2.5 24": "pm25_24h_ugm3", "PM10 24": "pm10_24h_ugm3", "CO 8": "co_8h_ppm", "O3 1": "o3_1h_ppm", "O3 8": "o3_8h_ppm", "SO2 1": "so2_1h_ppb", "NO2 1": "no2_1h_ppb",
    };
    let checked = 0;
    for (const r of aqiHub("us")) {
      // aqi-hub lists the 1-hour O3 for AQI 0–100 with no concentrations; EPA's table is blank there.
      if (r.concentration_upper === "" && r.category !== "Hazardous") continue;
      const row = AQI_TABLES.us.rows.find((x) => x.aqiLo === Number(r.category_lower))!;
      const range = row.ranges[column[`${r.pollutant} ${r.averaging_period}`]!];
      if (r.pollutant === "O3" && r.averaging_period === "8" && r.category === "Hazardous") {
        // EPA Table 6 footnote: 8-hour O3 values do not define AQI values of 301 or more (aqi-hub lists 0.201–).
        expect(range).toBeUndefined();
        continue;
      }
      if (r.concentration_lower !== "") {
        expect(range?.lo, `${r.pollutant} ${r.category}`).toBe(Number(r.concentration_lower));
        checked++;
      }
      if (r.concentration_upper !== "") expect(range?.hi, `${r.pollutant} ${r.category}`).toBe(Number(r.concentration_upper));
    }
    expect(checked).toBeGreaterThan(35);
  });

  it("EEA 2024: the upper bounds of bands 1–5 match aqi-hub's eu.csv (variant new)", () => {
    const key: Record<string, "pm25" | "pm10" | "no2" | "o3" | "so2"> = { "PM2.5": "pm25", PM10: "pm10", NO2: "no2", O3: "o3", SO2: "so2" };
    const rows = aqiHub("eu").filter((r) => r.variant === "new" && r.concentration_upper !== "");
    expect(rows).toHaveLength(25);
    for (const r of rows) {
      const upper = AQI_TABLES.eu.upper[key[r.pollutant!]!];
      expect(upper[Number(r.category_lower) - 1], `${r.pollutant} band ${r.category_lower}`).toBe(Number(r.concentration_upper));
    }
  });

  it("uses the EEA band names and colours of our own table file", () => {
    const [, ...rows] = csvLines(dataText("aqi/eu_eaqi_2024.csv"));
    expect(AQI_TABLES.eu.categories.map((c) => [c.en, c.color])).toEqual(rows.map((r) => [r[1], r[2]]));
  });
});
