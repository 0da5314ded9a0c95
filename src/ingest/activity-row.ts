import type { ActivityInput } from "../domain/inventory.js";
import type { Problem } from "../errors.js";
import { parseValue } from "./observation-row.js";

/** Columns of an activity-data CSV; only `gpc` is required. */
export const ACTIVITY_COLUMNS = [
  "gpc",
  "description",
  "amount",
  "unit",
  "factor",
  "gas",
  "value",
  "value_unit",
  "notation_key",
  "ch4_origin",
  "density",
  "density_unit",
  "calorific_value",
  "calorific_value_unit",
  "source",
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];
export type ActivityColumnMap = Partial<Record<ActivityColumn, number>>;

/** Where each field of an activity comes from in the CSV, to name the column in a problem. */
export function columnOfField(field: string): ActivityColumn {
  const head = field.split(".")[0]!.replace(/\[\d+\]$/, "");
  const leaf = field.split(".").pop()!;
  if (head === "factors" || head === "emissions") return leaf === "unit" ? "value_unit" : leaf === "gas" ? "gas" : "value";
  if (head === "density") return leaf === "unit" ? "density_unit" : "density";
  if (head === "calorificValue") return leaf === "unit" ? "calorific_value_unit" : "calorific_value";
  const direct: Record<string, ActivityColumn> = { notationKey: "notation_key", ch4Origin: "ch4_origin" };
  return direct[head] ?? ((ACTIVITY_COLUMNS as readonly string[]).includes(head) ? (head as ActivityColumn) : "gpc");
}

/** Reads the header row: the column map, or the problems that make the file unusable. */
export function readActivityHeader(fields: string[]): { columns: ActivityColumnMap; problems: Problem[] } {
  const columns: ActivityColumnMap = {};
  const problems: Problem[] = [];
  fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase() as ActivityColumn;
    if (!(ACTIVITY_COLUMNS as readonly string[]).includes(name)) problems.push({ row: 1, column: raw, message: `is not a known column (expected some of ${ACTIVITY_COLUMNS.join(", ")})` });
    else if (columns[name] !== undefined) problems.push({ row: 1, column: name, message: "appears twice in the header" });
    else columns[name] = i;
  });
  if (columns.gpc === undefined) problems.push({ row: 1, column: "gpc", message: "is missing from the header" });
  return { columns, problems };
}

/**
 * One CSV row as an activity: `notation_key` alone; or `amount` + `unit` with a library `factor`
 * and/or one inline factor (`gas`, `value`, `value_unit` such as kg/TJ); or emissions already
 * calculated (`gas`, `value`, `value_unit` t). Numbers use "." and no thousands separators.
 * Returns the activity or the row's structural problems (the GPC engine checks the rest).
 */
export function activityFromRow(row: number, fields: string[], columns: ActivityColumnMap): { ok: ActivityInput } | { problems: Problem[] } {
  const expected = Object.keys(columns).length;
  if (fields.length !== expected) return { problems: [{ row, message: `has ${fields.length} fields, expected ${expected}` }] };
  const get = (c: ActivityColumn) => (columns[c] === undefined ? "" : (fields[columns[c]!] ?? "").trim());
  const problems: Problem[] = [];
  const num = (c: ActivityColumn): number | undefined => {
    const text = get(c);
    if (text === "") return undefined;
    const v = parseValue(text);
    if ("message" in v) problems.push({ row, column: c, value: text, message: v.message });
    return "value" in v ? v.value : undefined;
  };
  const a: ActivityInput = { gpc: get("gpc") };
  if (a.gpc === "") problems.push({ row, column: "gpc", value: "", message: "is required" });
  const text = (c: ActivityColumn) => get(c) || undefined;
  const description = text("description");
  if (description) a.description = description;
  const source = text("source");
  if (source) a.source = source;
  const origin = text("ch4_origin");
  if (origin) {
    if (origin !== "fossil" && origin !== "non-fossil") problems.push({ row, column: "ch4_origin", value: origin, message: "must be fossil or non-fossil" });
    else a.ch4Origin = origin;
  }
  const key = text("notation_key");
  if (key) {
    if (!["NO", "IE", "NE", "C"].includes(key)) problems.push({ row, column: "notation_key", value: key, message: "is not a notation key (NO, IE, NE or C)" });
    else a.notationKey = key as ActivityInput["notationKey"];
  }
  const amount = num("amount");
  const gas = text("gas");
  const value = num("value");
  const density = num("density");
  const cv = num("calorific_value");
  if (density !== undefined) a.density = { value: density, unit: get("density_unit") || "kg/m³" };
  if (cv !== undefined) a.calorificValue = { value: cv, unit: get("calorific_value_unit") || "MJ/kg" };
  if (get("amount") !== "") {
    if (amount !== undefined) a.amount = amount;
    a.unit = get("unit");
    const factor = text("factor");
    if (factor) a.factor = factor;
    if (gas || value !== undefined) a.factors = [{ gas: gas as "CO2", value: value ?? Number.NaN, unit: get("value_unit") }];
  } else if (text("factor")) {
    problems.push({ row, column: "amount", value: "", message: "is required when a factor is given" });
  } else if (gas || value !== undefined) {
    a.emissions = [{ gas: gas as "CO2", value: value ?? Number.NaN, unit: get("value_unit") || "t" }];
  }
  return problems.length > 0 ? { problems } : { ok: a };
}
