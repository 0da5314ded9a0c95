import type { AppContext } from "./context.js";
import { recordOf, recordsToCsv } from "./practice-records.js";

/** Every practice in the import format, as JSON (an array) or CSV. */
export async function exportPractices(ctx: AppContext, format: "json" | "csv"): Promise<string> {
  const records = (await ctx.practices.getMany(await ctx.practices.ids())).map(recordOf);
  return format === "json" ? `${JSON.stringify(records, null, 2)}\n` : recordsToCsv(records);
}
