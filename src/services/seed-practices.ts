import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AppContext } from "./context.js";
import { type ImportPracticesResult, importPractices } from "./import-practices.js";

/**
 * Loads the curated practice library (data/practices/practices.json, see data/SOURCES.md) with
 * every source it cites. Safe to run again: practices are keyed by id.
 */
export async function seedPractices(ctx: AppContext, dir: string): Promise<ImportPracticesResult | null> {
  const path = join(dir, "practices", "practices.json");
  if (!existsSync(path)) return null;
  return importPractices(ctx, { text: readFileSync(path, "utf8"), format: "json", importedBy: "seed" });
}
