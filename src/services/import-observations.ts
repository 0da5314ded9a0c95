import type { Readable } from "node:stream";
import { SourceRepository } from "../db/index.js";
import { openObservationStaging, type StagedObservation } from "../db/repositories/observation-staging.js";
import type { ImportResult } from "../domain/observation.js";
import { InvalidInputError, type Problem } from "../errors.js";
import { csvRecordBatches } from "../ingest/csv-records.js";
import { ObservationRowValidator, readHeader } from "../ingest/observation-row.js";
import type { AppContext } from "./context.js";
import { resolveSources } from "./resolve-sources.js";

/** At most this many problems are kept in the report; the total is always counted. */
export const MAX_REPORTED_PROBLEMS = 10_000;
const PROGRESS_EVERY = 5000;

export interface ImportProgress {
  phase: "validate" | "write";
  bytesRead: number;
  rows: number;
}

export interface ImportObservationsProps {
  /** Opens the CSV; it is read once, as a stream, never held in memory. */
  open: () => Readable;
  /** Who imported it, stored on every row (e.g. `cli:alice`, `api`). */
  importedBy: string;
  /** Called every few thousand rows while the file is read and checked, and once when it is written. */
  onProgress?: (p: ImportProgress) => void;
  /** Whether the importer may write this city's figures (a city editor's cities); all when absent. */
  mayWrite?: (city: string) => boolean;
  /** The time stamped on every row; defaults to now. */
  now?: Date;
}

/**
 * Imports observations from a CSV with the columns `city,indicator,period,value,source` and optionally
 * `note` and the provenance columns `place,match,basis,quality` (basis: measured, modelled or reported).
 *
 * One pass over the file: each row is validated and, while no row has had a problem, staged in a
 * temporary table of the import's own connection (see ObservationStaging). If any row is wrong
 * the staged rows are dropped, nothing is written and InvalidInputError lists every problem (row,
 * column, value, reason). Otherwise the staged rows are merged into the observations in one
 * statement, in one transaction with the file's new sources. Rows identical to stored ones are
 * left alone, so importing the same file twice changes nothing; a key repeated in the file takes
 * its last row. The file is streamed, never held in memory.
 */
export async function importObservations(ctx: AppContext, props: ImportObservationsProps): Promise<ImportResult> {
  const known = { cities: await ctx.cities.slugs(), indicators: await ctx.indicators.codes() };
  const importedAt = (props.now ?? new Date()).toISOString();

  const problems: Problem[] = [];
  let problemCount = 0;
  const problem = (p: Problem) => {
    problemCount++;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(p);
  };
  /** The file's distinct source texts, numbered in order of appearance. */
  const sourceNos = new Map<string, number>();
  const parents = { cities: new Set<string>(), indicators: new Set<string>() };
  let validator: ObservationRowValidator | null = null;
  let rows = 0;
  const staging = await openObservationStaging(ctx.database);
  let merged = false;
  const meter = { bytes: 0 };
  const input = props.open();
  try {
    for await (const batch of csvRecordBatches(input, meter)) {
      const staged: StagedObservation[] = [];
      for (const rec of batch) {
        if (validator === null) {
          const header = readHeader(rec.fields);
          if (header.problems.length > 0) throw new InvalidInputError("the header row is not usable; nothing was imported", header.problems, header.problems.length, { code: "import.header_unusable" });
          validator = new ObservationRowValidator(header.columns, known);
          continue;
        }
        rows++;
        const r = validator.check(rec.row, rec.fields);
        if ("problems" in r) for (const p of r.problems) problem(p);
        else if (props.mayWrite && !props.mayWrite(r.ok.city)) problem({ row: r.ok.row, column: "city", value: r.ok.city, message: "you are not an editor of this city", code: "import.not_city_editor" });
        else if (problemCount === 0) {
          const o = r.ok;
          let sourceNo = sourceNos.get(o.source);
          if (sourceNo === undefined) sourceNos.set(o.source, (sourceNo = sourceNos.size));
          parents.cities.add(o.city);
          parents.indicators.add(o.indicator);
          staged.push({ city: o.city, indicator: o.indicator, period: o.period, value: o.value, sourceNo, note: o.note, place: o.place, match: o.match, basis: o.basis, quality: o.quality });
        }
        if (rows % PROGRESS_EVERY === 0) props.onProgress?.({ phase: "validate", bytesRead: meter.bytes, rows });
      }
      // Once a row has a problem nothing will be written: the rest of the file is only checked.
      if (problemCount === 0 && staged.length > 0) await staging.add(staged);
    }
    if (validator === null) throw new InvalidInputError("the file is empty; nothing was imported", [{ row: 1, message: "the header row is missing" }], 1, { code: "import.empty_file" });
    props.onProgress?.({ phase: "validate", bytesRead: meter.bytes, rows });
    if (problemCount > 0) {
      const s = problemCount === 1 ? "" : "s";
      throw new InvalidInputError(`${problemCount} problem${s} in the file; nothing was imported`, problems, problemCount, { code: "import.nothing_imported", params: { count: problemCount } });
    }
    merged = true;
    const { changed, inserted } = await staging.merge(
      async (db) => {
        const ids = await resolveSources(new SourceRepository(db), sourceNos.keys(), importedAt);
        return [...sourceNos.keys()].map((text) => ids.get(text)!);
      },
      props.importedBy,
      importedAt,
      parents,
    );
    props.onProgress?.({ phase: "write", bytesRead: meter.bytes, rows });
    return { rows, inserted, updated: changed - inserted, unchanged: rows - changed };
  } finally {
    if (!merged) await staging.discard();
    input.destroy();
  }
}
