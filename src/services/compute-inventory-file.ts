import { z } from "zod";
import type { EmissionFactor } from "../domain/emission-factor.js";
import { ActivitySchema, type ActivityInput, GwpSetIdSchema, MAX_ACTIVITIES } from "../domain/inventory.js";
import { computeInventory, type GwpSetId, type InventoryResult } from "../engines/gpc/index.js";
import { InvalidInputError, type Problem } from "../errors.js";
import { climateTables, inventoryTables } from "./climate-tables.js";

/** An inventory file as `citybridge inventory compute` reads it. */
export const InventoryFileSchema = z.object({
  city: z.string().optional(),
  year: z.number().int().optional(),
  population: z.number().positive().nullable().optional(),
  gwp: GwpSetIdSchema.optional(),
  activities: z.array(z.unknown()).max(MAX_ACTIVITIES),
});

const path = (parts: PropertyKey[]) => parts.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("");

/**
 * Computes an inventory file (city, year, population, gwp, activities) with the given factor
 * library: the GWP set is the `gwp` argument, else the file's, else AR5. Every problem — the
 * file's shape, then each activity's meaning — is reported at once as InvalidInputError with
 * `column` like `activities[3].unit`.
 */
export function computeInventoryFile(json: unknown, factors: Iterable<EmissionFactor>, gwp?: GwpSetId): InventoryResult {
  const file = InventoryFileSchema.safeParse(json);
  if (!file.success) {
    const problems = file.error.issues.map((i) => ({ column: path(i.path) || "(file)", message: i.message }));
    throw new InvalidInputError("the file is not an inventory (expected an object with an activities array)", problems, undefined, { code: "inventory.not_an_inventory" });
  }
  const problems: Problem[] = [];
  const activities: ActivityInput[] = [];
  const indexOf: number[] = [];
  file.data.activities.forEach((raw, i) => {
    const a = ActivitySchema.safeParse(raw);
    if (a.success) {
      activities.push(a.data);
      indexOf.push(i);
    } else for (const issue of a.error.issues) problems.push({ column: path(["activities", i, ...issue.path]), message: issue.message });
  });
  const set = gwp ?? file.data.gwp ?? "ar5";
  const tables = inventoryTables(climateTables(), factors, set);
  try {
    const result = computeInventory({ activities, population: file.data.population ?? null }, tables);
    if (problems.length > 0) throw new InvalidInputError("", []);
    return result;
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    // The engine numbers the activities it was given; map them back to the file's indexes.
    for (const p of err.problems) problems.push({ ...p, column: p.column?.replace(/^activities\[(\d+)\]/, (_, n: string) => `activities[${indexOf[Number(n)]}]`) });
    problems.sort((a, b) => Number(/\[(\d+)\]/.exec(a.column ?? "")?.[1] ?? -1) - Number(/\[(\d+)\]/.exec(b.column ?? "")?.[1] ?? -1));
    const n = new Set(problems.map((p) => /^activities\[\d+\]/.exec(p.column ?? "")?.[0] ?? p.column)).size;
    throw new InvalidInputError(`${n} ${n === 1 ? "activity is" : "activities are"} not valid; nothing was computed`, problems, undefined, { code: "inventory.activities_invalid", params: { count: n } });
  }
}
