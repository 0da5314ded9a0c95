import { cnEditionFor } from "./cn-edition.js";
import { cnIndex } from "./cn-index.js";
import type { EaqiTable } from "./eaqi-table.js";
import { euIndex } from "./eu-index.js";
import type { Hj633Table } from "./hj633-table.js";
import type { AveragingPeriod, CnStandardId, Concentrations, IndexResult, StandardId } from "./types.js";
import type { UsEpaTable } from "./us-epa-table.js";
import { usIndex } from "./us-index.js";

/** Every table the engine needs, loaded by the caller from data/aqi. */
export interface AqiTables {
  cn: Record<CnStandardId, Hj633Table>;
  us: UsEpaTable;
  eu: EaqiTable;
}

/** A standard as the caller names it: `cn` picks the Chinese edition by date. */
export type StandardChoice = StandardId | "cn";

export interface IndexOptions {
  period: AveragingPeriod;
  /** Local date (YYYY-MM-DD) of the day or hour; required for `cn`. */
  date?: string;
}

/**
 * The index of one day or hour under the standard named: China's HJ 633 (`cn` chooses
 * HJ 633-2012 before 2026-03-01 and HJ 633-2026 from then, by `date`), the US EPA AQI (2024) or
 * the European Air Quality Index (2024). The result names the standard and version it used.
 * @example airQualityIndex("cn", { pm25: 70 }, tables, { period: "day", date: "2026-03-01" }).standard.id //=> "cn-2026"
 * Source: see cnIndex, usIndex, euIndex.
 */
export function airQualityIndex(standard: StandardChoice, input: Concentrations, tables: AqiTables, opts: IndexOptions): IndexResult {
  switch (standard) {
    case "cn": {
      if (opts.date === undefined) throw new RangeError("the cn standard is chosen by date: give opts.date");
      return cnIndex(input, tables.cn[cnEditionFor(opts.date)], opts.period);
    }
    case "cn-2012":
    case "cn-2026":
      return cnIndex(input, tables.cn[standard], opts.period);
    case "us-epa-2024":
      return usIndex(input, tables.us, opts.period);
    case "eu-eaqi-2024":
      return euIndex(input, tables.eu, opts.period);
  }
}
