import { Readable } from "node:stream";
import type { ObservationFilter } from "../db/index.js";
import type { Observation } from "../domain/observation.js";
import type { AppContext } from "./context.js";
import { toCsv } from "./csv-output.js";

export type ExportFormat = "csv" | "json";
const PAGE = 5000;

/** Columns of an export: the import format, so an export can be imported again. */
export const EXPORT_COLUMNS = ["city", "indicator", "period", "value", "source", "note", "place", "match", "basis", "quality", "imported_by", "imported_at"] as const;

async function* pages(ctx: AppContext, filter: ObservationFilter): AsyncGenerator<Observation[]> {
  let after: Observation | null = null;
  for (;;) {
    const page: Observation[] = await ctx.observations.page(filter, after, PAGE);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!;
    if (page.length < PAGE) return;
  }
}

function csvLine(o: Observation): string {
  return toCsv([[o.city, o.indicator, o.period, o.value, o.source, o.note ?? "", o.place ?? "", o.match ?? "", o.basis ?? "", o.quality ?? "", o.importedBy, o.importedAt]]);
}

/**
 * Streams observations as CSV (the import columns plus who imported them and when) or as a JSON
 * array, page by page in key order, so an export of any size never sits in memory.
 */
export function exportObservations(ctx: AppContext, filter: ObservationFilter, format: ExportFormat): Readable {
  async function* chunks(): AsyncGenerator<string> {
    if (format === "csv") {
      yield `${EXPORT_COLUMNS.join(",")}\n`;
      for await (const page of pages(ctx, filter)) yield page.map(csvLine).join("");
      return;
    }
    yield "[";
    let first = true;
    for await (const page of pages(ctx, filter)) {
      yield page.map((o) => `${first ? ((first = false), "\n") : ",\n"}${JSON.stringify(o)}`).join("");
    }
    yield first ? "]\n" : "\n]\n";
  }
  return Readable.from(chunks());
}
