import type { Practice } from "../domain/practice.js";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.js";
import type { AppContext } from "./context.js";
import { preparePractices } from "./prepare-practices.js";
import { validateRecords } from "./practice-records.js";

export interface SavePracticeOptions {
  /** The practice in the import format (see PracticeRecordSchema). */
  record: unknown;
  /** "create" refuses an existing id, "update" a missing one (and an id that differs from `id`). */
  mode: "create" | "update";
  /** For updates: the id in the URL. */
  id?: string;
  by: string;
  now?: Date;
}

/** Creates or replaces one practice with its sources and index entry, in one transaction. */
export async function savePractice(ctx: AppContext, opts: SavePracticeOptions): Promise<Practice> {
  const { records, problems } = validateRecords([opts.record]);
  if (problems.length)
    throw new InvalidInputError(
      `invalid practice: ${problems[0]!.column} ${problems[0]!.message}`,
      problems.map(({ row: _row, ...p }) => p),
    );
  const record = records[0]!;
  const exists = (await ctx.practices.get(record.id)) !== null;
  if (opts.mode === "create" && exists) throw new ConflictError(`a practice with id "${record.id}" exists`);
  if (opts.mode === "update") {
    if (opts.id !== record.id) throw new InvalidInputError(`the id in the body "${record.id}" differs from the URL`, [{ column: "id", value: record.id, message: "differs from the URL" }]);
    if (!exists) throw new NotFoundError(`no practice with id "${record.id}"`);
  }
  const writes = await preparePractices(ctx, [record]).catch((err: unknown) => {
    if (err instanceof InvalidInputError) throw new InvalidInputError(err.message, err.problems.map(({ row: _row, ...p }) => p));
    throw err;
  });
  await ctx.practices.saveMany(writes, opts.by, (opts.now ?? new Date()).toISOString());
  return (await ctx.practices.get(record.id))!;
}
