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

type Value = string | number | null;

/**
 * The values of a day's row in COLUMNS order, in `into` when given (toBatches refills one array
 * for each row). Written out field by field: building rows with computed keys made imports of
 * 70,000 days seconds slower.
 */
export function toValues(d: AirDayRecord, into: Value[] = new Array<Value>(COLUMNS.length)): Value[] {
  const { pm25, pm10, so2, no2, co, o3 } = d.pollutants;
  const { cn, us, eu } = d.indices;
  const v = into;
  v[0] = d.scope; v[1] = d.subject; v[2] = d.city; v[3] = d.date; v[4] = d.stations;
  v[5] = pm25.hours; v[6] = pm25.mean; v[7] = pm25.max1h; v[8] = pm10.hours; v[9] = pm10.mean; v[10] = pm10.max1h;
  v[11] = so2.hours; v[12] = so2.mean; v[13] = so2.max1h; v[14] = no2.hours; v[15] = no2.mean; v[16] = no2.max1h;
  v[17] = co.hours; v[18] = co.mean; v[19] = co.max1h; v[20] = o3.hours; v[21] = o3.mean; v[22] = o3.max1h; v[23] = o3.max8h; v[24] = co.max8h;
  v[25] = cn.standard; v[26] = cn.value; v[27] = cn.level; v[28] = cn.primary.join(",");
  v[29] = us.value; v[30] = us.level; v[31] = us.primary.join(","); v[32] = eu.value; v[33] = eu.primary.join(",");
  v[34] = d.sources.join(","); v[35] = d.importedAt;
  return v;
}

/** The kind of each column of COLUMNS for a ColumnBatch: t text, n number. */
const TEXT_COLUMNS = new Set<string>(["scope", "subject", "city_slug", "date", "cn_standard", "cn_primary", "us_primary", "eu_primary", "sources", "imported_at"]);
const LAYOUT = COLUMNS.map((c) => (TEXT_COLUMNS.has(c) ? "t" : "n")).join("");
const NUMBERS_PER_ROW = LAYOUT.replaceAll("t", "").length;
const TEXTS_PER_ROW = LAYOUT.length - NUMBERS_PER_ROW;

/**
 * Builds ColumnBatches of up to `size` rows from days added one by one, their values as toValues
 * gives them (numbers apart, NaN for null; each distinct text of a batch once). A day's values
 * are copied when it is added: the day need not be kept.
 *
 * `add` writes a day's values into the batch field by field, in LAYOUT order, rather than
 * through toValues' row (this runs for every station-day of an import; the row and the joined
 * lists of every day were a third of this thread's time in writing them). The batch's decoded
 * rows are toValues' rows (air-daily-rows.test.ts).
 */
export class ColumnBatches {
  private batch: ColumnBatch | null = null;
  private n = 0;
  private t = 0;
  private readonly code = new Map<string | null, number>();
  /** Per text column, the last text and its code: a batch's rows mostly repeat the row before. */
  private readonly lastText = new Array<string | null | undefined>(TEXTS_PER_ROW);
  private readonly lastCode = new Int32Array(TEXTS_PER_ROW);
  /**
   * Per list column (the three primary lists, the sources), the last list and its joined text:
   * days share their lists (an import's sources, an index's frozen lists of none or one
   * pollutant), so a list is joined again only when it is another one.
   */
  private readonly lastList = new Array<readonly string[] | undefined>(4);
  private readonly lastJoined = new Array<string>(4);

  constructor(private readonly size: number = WRITER_BATCH) {}

  /** The code of text column j's text in the batch being built. */
  private text(j: number, text: string | null, b: ColumnBatch): number {
    if (text === this.lastText[j]) return this.lastCode[j]!;
    let k = this.code.get(text);
    if (k === undefined) this.code.set(text, (k = b.strings.push(text) - 1));
    this.lastText[j] = text;
    this.lastCode[j] = k;
    return k;
  }

  /** List column l's list joined with commas, as toValues joins it. */
  private joined(l: number, list: readonly string[]): string {
    if (list === this.lastList[l]) return this.lastJoined[l]!;
    this.lastList[l] = list;
    return (this.lastJoined[l] = list.join(","));
  }

  /** Adds a day; gives the batch it completes, if it does. */
  add(d: AirDayRecord): ColumnBatch | null {
    let b = this.batch;
    if (b === null) {
      b = this.batch = { rows: 0, layout: LAYOUT, numbers: new Float64Array(this.size * NUMBERS_PER_ROW), codes: new Int32Array(this.size * TEXTS_PER_ROW), strings: [] };
      this.n = this.t = 0;
      this.code.clear();
      this.lastText.fill(undefined);
    }
    const { pm25, pm10, so2, no2, co, o3 } = d.pollutants;
    const { cn, us, eu } = d.indices;
    // The numbers in LAYOUT order: stations, the pollutants' hours, mean and 1-hour maximum,
    // the 8-hour maxima, the indices' values and levels.
    const x = b.numbers;
    const n = this.n;
    x[n] = d.stations;
    x[n + 1] = pm25.hours; x[n + 2] = num(pm25.mean); x[n + 3] = num(pm25.max1h);
    x[n + 4] = pm10.hours; x[n + 5] = num(pm10.mean); x[n + 6] = num(pm10.max1h);
    x[n + 7] = so2.hours; x[n + 8] = num(so2.mean); x[n + 9] = num(so2.max1h);
    x[n + 10] = no2.hours; x[n + 11] = num(no2.mean); x[n + 12] = num(no2.max1h);
    x[n + 13] = co.hours; x[n + 14] = num(co.mean); x[n + 15] = num(co.max1h);
    x[n + 16] = o3.hours; x[n + 17] = num(o3.mean); x[n + 18] = num(o3.max1h);
    x[n + 19] = num(o3.max8h); x[n + 20] = num(co.max8h);
    x[n + 21] = num(cn.value); x[n + 22] = num(cn.level);
    x[n + 23] = num(us.value); x[n + 24] = num(us.level);
    x[n + 25] = num(eu.value);
    this.n = n + NUMBERS_PER_ROW;
    // The texts in LAYOUT order.
    const c = b.codes;
    const t = this.t;
    c[t] = this.text(0, d.scope, b);
    c[t + 1] = this.text(1, d.subject, b);
    c[t + 2] = this.text(2, d.city, b);
    c[t + 3] = this.text(3, d.date, b);
    c[t + 4] = this.text(4, cn.standard, b);
    c[t + 5] = this.text(5, this.joined(0, cn.primary), b);
    c[t + 6] = this.text(6, this.joined(1, us.primary), b);
    c[t + 7] = this.text(7, this.joined(2, eu.primary), b);
    c[t + 8] = this.text(8, this.joined(3, d.sources), b);
    c[t + 9] = this.text(9, d.importedAt, b);
    this.t = t + TEXTS_PER_ROW;
    return ++b.rows === this.size ? this.flush() : null;
  }

  /** The batch being built (its arrays cut to its rows), if it has any; the next day starts a new one. */
  flush(): ColumnBatch | null {
    const b = this.batch;
    this.batch = null;
    if (b === null || b.rows === 0) return null;
    if (b.rows < this.size) {
      b.numbers = b.numbers.slice(0, b.rows * NUMBERS_PER_ROW);
      b.codes = b.codes.slice(0, b.rows * TEXTS_PER_ROW);
    }
    return b;
  }
}

/** A number column's value in a ColumnBatch: NaN for null. */
const num = (v: number | null): number => (v === null ? Number.NaN : v);

/** Days as ColumnBatches of up to WRITER_BATCH rows (see ColumnBatches). */
export function toBatches(days: readonly AirDayRecord[]): ColumnBatch[] {
  const builder = new ColumnBatches();
  const batches: ColumnBatch[] = [];
  for (const d of days) {
    const b = builder.add(d);
    if (b) batches.push(b);
  }
  const last = builder.flush();
  if (last) batches.push(last);
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
