import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { locateAirProblems } from "./air-problems.js";

const dir = mkdtempSync(join(tmpdir(), "citybridge-air-problems-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("locateAirProblems", () => {
  it("names the row, column, value and reason of every problem in an OpenAQ file", async () => {
    const path = file(
      "openaq.csv",
      [
        "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value",
        "1,2,X,2023-01-01T01:00:00+08:00,39.9,116.4,pm25,µg/m³,12",
        "1,2,X,2023-01-01T02:00:00+08:00,39.9,116.4,pm25,µg/m³,NA",
        "1,2,X,2023-01-01T02:00:00+08:00,39.9,116.4,o3,ppb,",
        "x,2,X,2023-02-30T02:00:00+08:00,39.9,116.4,pm25,ppm,\"12,5\"",
        "1,2,X,2023-01-01T02:00:00+08:00,39.9,116.4,temperature,c",
      ].join("\n"),
    );
    const r = await locateAirProblems(path, "openaq");
    expect(r.problems).toEqual([
      { row: 5, column: "location_id", value: "x", message: "is not a whole number" },
      { row: 5, column: "datetime", value: "2023-02-30T02:00:00+08:00", message: "is not a local date-time like 2023-01-01T01:00:00+08:00" },
      { row: 5, column: "units", value: "ppm", message: "cannot be used for pm25 (use µg/m³, mg/m³)" },
      { row: 5, column: "value", value: "12,5", message: 'is not a number (use "." as decimal separator and no thousands separators)' },
      { row: 6, message: "has 8 fields, expected 9" },
    ]);
    expect(r.total).toBe(5);
  });

  it("checks the date, hour, values and station of a UCI row", async () => {
    const path = file("uci.csv", ['"No","year","month","day","hour","PM2.5","PM10","SO2","NO2","CO","O3","station"', "1,2013,3,1,0,9,9,3,17,300,89,Dongsi", "2,2013,2,29,1,NA,,3,17,300,89,Dongsi", "3,2013,3,1,24,1,1,1,1,1,1,", "4,2013,3,1,2,1,1,1,1,1,inf,Dongsi"].join("\n"));
    const r = await locateAirProblems(path, "uci");
    expect(r.problems).toEqual([
      { row: 3, column: "day", value: "2013-2-29", message: "is not a date" },
      { row: 4, column: "hour", value: "24", message: "is not an hour 0–23" },
      { row: 4, column: "station", value: "", message: "is required" },
      { row: 5, column: "O3", value: "inf", message: "is not a number" },
    ]);
  });
});
