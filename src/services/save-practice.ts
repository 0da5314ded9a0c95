import type { Practice } from "../domain/practice.js";
import { ConflictError, InvalidInputError, notFound } from "../errors.js";
import { StalePracticeError } from "../db/repositories/practice.repository.js";
import { VersionConflictError } from "./version-conflict.js";
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
  /** For updates: the `updatedAt` the edit was based on (the ETag); another one means someone saved first. */
  basedOn?: string;
  now?: Date;
}

/** Creates or replaces one practice with its sources and index entry, in one transaction. */
export async function savePractice(ctx: AppContext, opts: SavePracticeOptions): Promise<Practice> {
  const { records, problems } = validateRecords([opts.record]);
  if (problems.length)
    throw new InvalidInputError(
      `invalid practice: ${problems[0]!.column} ${problems[0]!.message}`,
      problems.map(({ row: _row, ...p }) => p), undefined, { code: "practice.invalid", params: { field: problems[0]!.column ?? "", count: problems.length } },
    );
  const record = records[0]!;
  const current = await ctx.practices.get(record.id);
  const exists = current !== null;
  if (opts.mode === "create" && exists) throw new ConflictError(`a practice with id "${record.id}" exists`, { code: "conflict.practice_exists", params: { id: record.id } });
  if (opts.mode === "update") {
    if (opts.id !== record.id) throw new InvalidInputError(`the id in the body "${record.id}" differs from the URL`, [{ column: "id", value: record.id, message: "differs from the URL" }], undefined, { code: "practice.id_mismatch", params: { id: record.id } });
    if (!current) throw notFound("practice", record.id);
    if (opts.basedOn !== undefined && opts.basedOn !== current.updatedAt) {
      throw new VersionConflictError(`practice "${record.id}" was changed at ${current.updatedAt} by someone else; reload it and apply your edit again`, current);
    }
  }
  const writes = await preparePractices(ctx, [record]).catch((err: unknown) => {
    if (err instanceof InvalidInputError) {
      throw new InvalidInputError(err.message, err.problems.map(({ row: _row, ...p }) => p), err.totalProblems, { code: "practice.invalid", params: { field: err.problems[0]?.column ?? "", count: err.totalProblems } });
    }
    throw err;
  });
  let now = opts.now ?? new Date();
  // The ETag is updated_at: a save must move it forward even within the same millisecond.
  if (current && now.getTime() <= Date.parse(current.updatedAt)) now = new Date(Date.parse(current.updatedAt) + 1);
  const ifUnchanged = opts.mode === "update" && opts.basedOn !== undefined ? { id: record.id, updatedAt: opts.basedOn } : undefined;
  try {
    await ctx.practices.saveMany(writes, opts.by, now.toISOString(), ifUnchanged);
  } catch (err) {
    if (!(err instanceof StalePracticeError)) throw err;
    const fresh = await ctx.practices.get(record.id);
    if (!fresh) throw notFound("practice", record.id);
    throw new VersionConflictError(`practice "${record.id}" was changed at ${fresh.updatedAt} by someone else; reload it and apply your edit again`, fresh);
  }
  return (await ctx.practices.get(record.id))!;
}
