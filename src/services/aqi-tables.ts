import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AqiTables,
  parseEaqiTable,
  parseHj633Table,
  parseUsEpaTable,
  type StandardDefinition,
  standardDefinition,
} from "../engines/aqi/index.js";

/** The product's data folder (the same as seed.ts's DATA_DIR; not imported from there to keep the seed free of cycles). */
const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export interface LoadedAqiTables extends AqiTables {
  /** The definitions in data/aqi/standards.json, with their source ids and categories. */
  definitions: StandardDefinition[];
}

const cache = new Map<string, LoadedAqiTables>();

/** Loads the AQI breakpoint tables and standard definitions from data/aqi (read once per folder). */
export function loadAqiTables(dataDir: string = DATA_DIR): LoadedAqiTables {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const dir = join(dataDir, "aqi");
  const { standards } = JSON.parse(readFileSync(join(dir, "standards.json"), "utf8")) as { standards: StandardDefinition[] };
  const read = (d: StandardDefinition) => readFileSync(join(dir, d.table), "utf8");
  const def = (id: Parameters<typeof standardDefinition>[1]) => standardDefinition(standards, id);
  const tables: LoadedAqiTables = {
    definitions: standards,
    cn: {
      "cn-2012": parseHj633Table(read(def("cn-2012")), def("cn-2012")),
      "cn-2026": parseHj633Table(read(def("cn-2026")), def("cn-2026")),
    },
    us: parseUsEpaTable(read(def("us-epa-2024")), def("us-epa-2024")),
    eu: parseEaqiTable(read(def("eu-eaqi-2024")), def("eu-eaqi-2024")),
  };
  cache.set(dataDir, tables);
  return tables;
}
