import type { AirDailyTable } from "../schema.js";
import type { ColumnBatch } from "../sqlite-writer.js";
import type { AirDayRecord } from "./air-daily.repository.js";

/** A stored day as the values of its air_daily row: for Kysely, for one SQLite statement, for a SQLite writer's column batch. */

/** The columns of a stored day, in the order of toValues. */
export const COLUMNS = [
  "scope", "subject", "city_slug", "date", "stations",
  "pm25_hours", "pm25_mean", "pm25_max1h", "pm10_hours", "pm10_mean", "pm10_max1h", "so2_hours", "so2_mean", "so2_max1h",
  "no2_hours", "no2_mean", "no2_max1h", "co_hours", "co_mean", "co_max1h", "o3_hours", "o3_mean", "o3_max1h", "o3_max8h", "co_max8h",
  "cn_standard", "cn_aqi", "cn_level", "cn_primary", "us_aqi", "us_level", "us_primary", "eu_band", "eu_primary", "sources", "imported_at",
] as const satisfies readonly (keyof AirDailyTable)[];

// Written out field by field: building rows with computed keys made imports of 70,000 days seconds slower.
export function toValues(d: AirDayRecord): (string | number | null)[] {
  const { pm25, pm10, so2, no2, co, o3 } = d.pollutants;
  const { cn, us, eu } = d.indices;
  return [
    d.scope, d.subject, d.city, d.date, d.stations,
    pm25.hours, pm25.mean, pm25.max1h, pm10.hours, pm10.mean, pm10.max1h, so2.hours, so2.mean, so2.max1h,
    no2.hours, no2.mean, no2.max1h, co.hours, co.mean, co.max1h, o3.hours, o3.mean, o3.max1h, o3.max8h, co.max8h,
    cn.standard, cn.value, cn.level, cn.primary.join(","), us.value, us.level, us.primary.join(","), eu.value, eu.primary.join(","), d.sources.join(","), d.importedAt,
  ];
}

/** The kind of each column of COLUMNS for a ColumnBatch: t text, n number. */
const TEXT_COLUMNS = new Set<string>(["scope", "subject", "city_slug", "date", "cn_standard", "cn_primary", "us_primary", "eu_primary", "sources", "imported_at"]);
const LAYOUT = COLUMNS.map((c) => (TEXT_COLUMNS.has(c) ? "t" : "n")).join("");
const NUMBERS_PER_ROW = LAYOUT.replaceAll("t", "").length;

/** Days as ColumnBatches of up to WRITER_BATCH rows, their values as toValues gives them (numbers apart, NaN for null). */
export function toBatches(days: readonly AirDayRecord[]): ColumnBatch[] {
  const batches: ColumnBatch[] = [];
  for (let start = 0; start < days.length; start += WRITER_BATCH) {
    const rows = Math.min(WRITER_BATCH, days.length - start);
    const b: ColumnBatch = { rows, layout: LAYOUT, numbers: new Float64Array(rows * NUMBERS_PER_ROW), texts: [] };
    let n = 0;
    for (let r = 0; r < rows; r++) {
      const values = toValues(days[start + r]!);
      for (let c = 0; c < values.length; c++) {
        const v = values[c]!;
        if (LAYOUT.charCodeAt(c) === 116) b.texts.push(v as string);
        else b.numbers[n++] = v === null ? Number.NaN : (v as number);
      }
    }
    batches.push(b);
  }
  return batches;
}

export function toRow(d: AirDayRecord): AirDailyTable {
  const values = toValues(d);
  const row: Record<string, string | number | null> = {};
  COLUMNS.forEach((c, i) => (row[c] = values[i]!));
  return row as unknown as AirDailyTable;
}

/** Columns an upsert replaces: all but the key. */
export const UPDATED = COLUMNS.filter((c) => c !== "scope" && c !== "subject" && c !== "date");

/** One row's insert as one SQLite statement, and the same upsert as the Kysely one. */
export const INSERT_SQL = `insert into "air_daily" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) values (${COLUMNS.map(() => "?").join(", ")})`;
export const UPSERT_SQL = `${INSERT_SQL} on conflict ("scope", "subject", "date") do update set ${UPDATED.map((c) => `"${c}" = "excluded"."${c}"`).join(", ")}`;

/** Rows per batch sent to a SQLite writer. */
export const WRITER_BATCH = 1000;
