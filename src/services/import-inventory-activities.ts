import { Readable } from "node:stream";
import { type ActivityInput, MAX_ACTIVITIES } from "../domain/inventory.js";
import type { InventoryView } from "../domain/inventory-result.js";
import { InvalidInputError, type Problem } from "../errors.js";
import { activityFromRow, type ActivityColumnMap, columnOfField, readActivityHeader } from "../ingest/activity-row.js";
import { csvRecords } from "../ingest/csv-records.js";
import type { AppContext } from "./context.js";
import { computeActivities, inventoryView } from "./inventory-view.js";
import { updateInventory } from "./update-inventory.js";
import { VersionConflictError } from "./version-conflict.js";

export interface ImportActivitiesProps {
  /** The CSV text (activity files are small: at most MAX_ACTIVITIES rows). */
  csv: string;
  /** The inventory version the import is based on. */
  version: number;
  /** Replace the inventory's activities (default) or add to them. */
  mode?: "replace" | "append";
}

/**
 * Imports activity data from CSV into a draft inventory, all rows or none: every row is checked
 * (structure, then the GPC engine: reference numbers, units, factor ids, notation keys) and if
 * any is wrong InvalidInputError lists every problem with its row and column.
 */
export async function importInventoryActivities(ctx: AppContext, id: string, props: ImportActivitiesProps): Promise<InventoryView> {
  const view = await inventoryView(ctx, id);
  if (view.inventory.version !== props.version) {
    throw new VersionConflictError(`inventory ${id} is at version ${view.inventory.version}, not ${props.version}: it was changed by someone else`, view);
  }
  const problems: Problem[] = [];
  const activities: ActivityInput[] = [];
  const rows: number[] = [];
  let columns: ActivityColumnMap | null = null;
  for await (const rec of csvRecords(Readable.from([props.csv]))) {
    if (columns === null) {
      const header = readActivityHeader(rec.fields);
      if (header.problems.length > 0) throw new InvalidInputError("the header row is not usable; nothing was imported", header.problems, undefined, { code: "import.header_unusable" });
      columns = header.columns;
      continue;
    }
    if (rows.length >= MAX_ACTIVITIES) throw new InvalidInputError(`the file has more than ${MAX_ACTIVITIES} activity rows; nothing was imported`, [{ row: rec.row, message: "is one row too many" }], undefined, { code: "import.too_many_rows", params: { max: MAX_ACTIVITIES } });
    const r = activityFromRow(rec.row, rec.fields, columns);
    if ("problems" in r) problems.push(...r.problems);
    else {
      activities.push(r.ok);
      rows.push(rec.row);
    }
  }
  if (columns === null) throw new InvalidInputError("the file is empty; nothing was imported", [{ row: 1, message: "the header row is missing" }], undefined, { code: "import.empty_file" });

  // The engine checks what the rows mean; its problems name activities[i], mapped back to rows.
  try {
    await computeActivities(ctx, { activities, population: view.inventory.population, gwp: view.inventory.gwp });
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    for (const p of err.problems) {
      const m = /^activities\[(\d+)\]\.(.+)$/.exec(p.column ?? "");
      if (!m) problems.push(p);
      else problems.push({ row: rows[Number(m[1])], column: columnOfField(m[2]!), ...(p.value !== undefined ? { value: p.value } : {}), message: p.message });
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new InvalidInputError(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the file; nothing was imported`, problems, problems.length, { code: "import.nothing_imported", params: { count: problems.length } });
  }
  const next = props.mode === "append" ? [...view.inventory.activities, ...activities] : activities;
  return updateInventory(ctx, id, { version: props.version, activities: next });
}
