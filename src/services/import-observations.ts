import type { Readable } from "node:stream";
import { ObservationRepository, SourceRepository } from "../db/index.js";
import type { ImportResult, Observation } from "../domain/observation.js";
import { InvalidInputError, type Problem } from "../errors.js";
import { csvRecords } from "../ingest/csv-records.js";
import { type ColumnMap, type KnownKeys, type ObservationRow, readHeader, validateObservationRow } from "../ingest/observation-row.js";
import type { AppContext } from "./context.js";
import { resolveSources } from "./resolve-sources.js";

/** At most this many problems are kept in the report; the total is always counted. */
export const MAX_REPORTED_PROBLEMS = 10_000;
const BATCH = 500;
const PROGRESS_EVERY = 5000;

export interface ImportProgress {
  phase: "validate" | "write";
  bytesRead: number;
  rows: number;
}

export interface ImportObservationsProps {
  /** Opens the CSV afresh: the file is read twice, once to validate and once to write, never held in memory. */
  open: () => Readable;
  /** Who imported it, stored on every row (e.g. `cli:alice`, `api`). */
  importedBy: string;
  /** Called every few thousand rows and at the end of each phase. */
  onProgress?: (p: ImportProgress) => void;
  /** Whether the importer may write this city's figures (a city editor's cities); all when absent. */
  mayWrite?: (city: string) => boolean;
  /** The time stamped on every row; defaults to now. */
  now?: Date;
}

/** Each data row of the file, validated, with a running byte count for progress. */
async function* validatedRows(
  input: Readable,
  known: KnownKeys,
  meter: { bytes: number },
): AsyncGenerator<{ ok: ObservationRow } | { problems: Problem[] }> {
  input.on("data", (chunk: Buffer | string) => (meter.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length));
  let columns: ColumnMap | null = null;
  for await (const rec of csvRecords(input)) {
    if (columns === null) {
      const header = readHeader(rec.fields);
      if (header.problems.length > 0) throw new InvalidInputError("the header row is not usable; nothing was imported", header.problems);
      columns = header.columns;
      continue;
    }
    yield validateObservationRow(rec.row, rec.fields, columns, known);
  }
  if (columns === null) throw new InvalidInputError("the file is empty; nothing was imported", [{ row: 1, message: "the header row is missing" }]);
}

/**
 * Imports observations from a CSV with the columns `city,indicator,period,value,source` and optionally
 * `note` and the provenance columns `place,match,basis,quality` (basis: measured, modelled or reported).
 * Every row is validated first; if any is wrong nothing is written and InvalidInputError lists
 * every problem (row, column, value, reason). Otherwise all rows are written in one transaction.
 * Rows identical to stored ones are left alone, so importing the same file twice changes nothing.
 */
export async function importObservations(ctx: AppContext, props: ImportObservationsProps): Promise<ImportResult> {
  const known = { cities: await ctx.cities.slugs(), indicators: await ctx.indicators.codes() };

  // Pass 1: validate every row, keeping the problems and the distinct sources.
  const problems: Problem[] = [];
  let problemCount = 0;
  const sourceTexts = new Set<string>();
  let rows = 0;
  const meter1 = { bytes: 0 };
  for await (const r of validatedRows(props.open(), known, meter1)) {
    rows++;
    if ("problems" in r) {
      problemCount += r.problems.length;
      for (const p of r.problems) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(p);
    } else if (props.mayWrite && !props.mayWrite(r.ok.city)) {
      problemCount++;
      if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ row: r.ok.row, column: "city", value: r.ok.city, message: "you are not an editor of this city" });
    } else sourceTexts.add(r.ok.source);
    if (rows % PROGRESS_EVERY === 0) props.onProgress?.({ phase: "validate", bytesRead: meter1.bytes, rows });
  }
  props.onProgress?.({ phase: "validate", bytesRead: meter1.bytes, rows });
  if (problemCount > 0) {
    const s = problemCount === 1 ? "" : "s";
    throw new InvalidInputError(`${problemCount} problem${s} in the file; nothing was imported`, problems, problemCount);
  }

  // Pass 2: write everything in one transaction, or nothing.
  const importedAt = (props.now ?? new Date()).toISOString();
  return ctx.database.db.transaction().execute(async (trx) => {
    const observations = new ObservationRepository(trx);
    const sourceIds = await resolveSources(new SourceRepository(trx), sourceTexts, importedAt);
    const before = await observations.count();
    let changed = 0;
    let written = 0;
    // Keyed so that a key repeated within a batch is written once: the later row wins.
    let batch = new Map<string, Observation>();
    const flush = async () => {
      changed += await observations.upsert([...batch.values()]);
      batch = new Map();
    };
    const meter2 = { bytes: 0 };
    for await (const r of validatedRows(props.open(), known, meter2)) {
      if (!("ok" in r)) throw new Error("the file changed while it was being imported");
      const o: Observation = {
        city: r.ok.city,
        indicator: r.ok.indicator,
        period: r.ok.period,
        value: r.ok.value,
        source: sourceIds.get(r.ok.source)!,
        note: r.ok.note,
        importedBy: props.importedBy,
        importedAt,
        place: r.ok.place,
        match: r.ok.match,
        basis: r.ok.basis,
        quality: r.ok.quality,
      };
      batch.set(`${o.city}\u0000${o.indicator}\u0000${o.period}\u0000${o.source}`, o);
      if (batch.size >= BATCH) await flush();
      if (++written % PROGRESS_EVERY === 0) props.onProgress?.({ phase: "write", bytesRead: meter2.bytes, rows: written });
    }
    await flush();
    props.onProgress?.({ phase: "write", bytesRead: meter2.bytes, rows: written });
    if (written !== rows) throw new Error("the file changed while it was being imported");
    const inserted = (await observations.count()) - before;
    return { rows, inserted, updated: changed - inserted, unchanged: rows - changed };
  });
}
