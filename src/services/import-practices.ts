import type { AppContext } from "./context.js";
import { preparePractices } from "./prepare-practices.js";
import { recordsFromCsv, recordsFromJson } from "./practice-records.js";

export interface ImportPracticesOptions {
  /** The file's text. */
  text: string;
  format: "json" | "csv";
  /** Who imports, kept as created_by on new practices: "cli:alice", "api", "seed". */
  importedBy: string;
  now?: Date;
}

export interface ImportPracticesResult {
  practices: number;
  created: number;
  updated: number;
}

/** Imports of at least this many practices compact the search index afterwards. */
const BULK = 1000;

/**
 * Imports practices from JSON or CSV, all or none: every record is validated first (fields,
 * sources of every outcome, indicator codes); if anything is wrong an InvalidInputError lists
 * every problem by row and field and nothing is written. Otherwise practices, their sources and
 * their search index entries are written in one transaction; existing ids are replaced.
 */
export async function importPractices(ctx: AppContext, opts: ImportPracticesOptions): Promise<ImportPracticesResult> {
  const { records, rows } = opts.format === "json" ? recordsFromJson(opts.text) : recordsFromCsv(opts.text);
  const writes = await preparePractices(ctx, records, rows);
  const existing = new Set(await ctx.practices.ids());
  await ctx.practices.saveMany(writes, opts.importedBy, (opts.now ?? new Date()).toISOString());
  // A bulk load leaves the index in many small segments; merging them keeps searches fast.
  if (records.length >= BULK) await ctx.practices.optimizeIndex();
  const updated = records.filter((r) => existing.has(r.id)).length;
  return { practices: records.length, created: records.length - updated, updated };
}
