import { existsSync } from "node:fs";
import { join } from "node:path";
import type { AirImportResult } from "../domain/air.js";
import { loadAirReference } from "./air-reference.js";
import type { AppContext } from "./context.js";
import { importAir } from "./import-air.js";

/**
 * Loads the demo hourly data in data/air (two Beijing stations of the UCI Beijing Multi-Site
 * data set, 2013–2017) through the same import as users' files. Files whose city is not in the
 * database are skipped. About a second per file; importing again changes no figure.
 */
export async function seedAir(ctx: AppContext, dataDir: string, step: (message: string) => void = () => {}): Promise<AirImportResult[]> {
  const results: AirImportResult[] = [];
  for (const demo of loadAirReference(dataDir).demoFiles) {
    const path = join(dataDir, "air", demo.file);
    if (!existsSync(path) || !(await ctx.cities.get(demo.city))) continue;
    const r = await importAir(ctx, { path, city: demo.city, format: demo.format, source: demo.source, importedBy: "seed" });
    step(`${demo.file}: ${r.stationDays} station-days of ${r.stations.map((s) => s.name).join(", ")} for ${demo.city}`);
    results.push(r);
  }
  return results;
}
