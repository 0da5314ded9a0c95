import type { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { InvalidInputError } from "../errors.js";

/** One CSV record with the line it starts on (the header is line 1). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/**
 * Streams the records of a CSV file without holding the file in memory. A byte-order mark is
 * dropped, blank lines are skipped, and rows may have any number of fields (the caller checks).
 * A malformed file (an unclosed quote, say) raises InvalidInputError naming the line.
 */
export async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = input.pipe(
    parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: false }),
  );
  input.on("error", (err) => parser.destroy(err));
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { row: rec.info.lines, fields: rec.record };
    }
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw new InvalidInputError("the file is not valid CSV; nothing was imported", [{ row: line, message: `is not valid CSV: ${err.message}` }]);
    }
    throw err;
  }
}
