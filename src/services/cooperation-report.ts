import { InvalidInputError } from "../errors.js";
import type { AppContext } from "./context.js";
import { toCsv } from "./csv-output.js";
import { COOPERATION_METHOD, indicatorChanges, todayIso } from "./cooperation-monitoring.js";
import { cooperationReportHtml, type ReportData, type ReportLang } from "./cooperation-report-html.js";
import { showcaseCooperation } from "./showcase.js";

export const REPORT_FORMATS = ["html", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The columns of the CSV report: one row per KPI with its action's columns repeated (see cooperationReportCsv). */
export const REPORT_CSV_COLUMNS = [
  "cooperation_id", "action_id", "action_title_en", "action_title_zh", "action_status", "action_start", "action_end", "action_completion_pct",
  "kpi_id", "kpi_name_en", "kpi_name_zh", "kpi_unit", "baseline_date", "baseline_value", "target_year", "target_value",
  "latest_date", "latest_value", "progress_pct", "expected_pct", "projected_value", "kpi_status",
] as const;

/** Loads what a report shows: the public view of the cooperation, its members' indicator changes and the method. */
export async function loadReportData(ctx: AppContext, id: string, opts: { today?: string } = {}): Promise<ReportData> {
  const today = opts.today ?? todayIso();
  const view = await showcaseCooperation(ctx, id, { today });
  const start = view.cooperation.startDate ?? view.transitions[0]?.date ?? null;
  const observations = await ctx.monitoring.observations(view.cooperation.members.map((m) => m.slug));
  return { ...view, indicatorChanges: indicatorChanges(observations, view.cooperation.members, start), method: COOPERATION_METHOD };
}

/** Text cells are guarded against formulas by toCsv (csv-output.ts). */
const safe = (s: string | null | undefined) => s ?? "";
const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? "" : String(Number(x.toFixed(digits))));

/**
 * The actions and KPIs as one table: one row per KPI with its action's columns repeated; an action without
 * KPIs gets one row with empty KPI columns; KPIs of no action (cooperation or pilot KPIs) come last with
 * empty action columns. UTF-8 with a header row; numbers with "." as decimal separator.
 */
export function cooperationReportCsv(d: ReportData): string {
  const rows: string[][] = [];
  const kpiCols = (k: ReportData["kpis"][number] | null) =>
    k
      ? [k.id, safe(k.names.en), safe(k.names.zh), safe(k.unit), k.baseline.date, num(k.baseline.value, 6), String(k.target.year), num(k.target.value, 6),
        k.latest?.date ?? "", num(k.latest?.value, 6), num(k.progressPct, 1), num(k.expectedPct, 1), num(k.projectedValue), k.status]
      : Array<string>(14).fill("");
  const noAction = Array<string>(7).fill("");
  for (const a of d.actions) {
    const act = [a.id, safe(a.titles.en), safe(a.titles.zh), a.status, a.startDate ?? "", a.endDate ?? "", String(a.completionPct)];
    const ks = d.kpis.filter((k) => k.actionId === a.id);
    if (ks.length === 0) rows.push([d.cooperation.id, ...act, ...kpiCols(null)]);
    for (const k of ks) rows.push([d.cooperation.id, ...act, ...kpiCols(k)]);
  }
  for (const k of d.kpis.filter((x) => !x.actionId || !d.actions.some((a) => a.id === x.actionId))) rows.push([d.cooperation.id, ...noAction, ...kpiCols(k)]);
  return toCsv(rows, { header: true, columns: [...REPORT_CSV_COLUMNS] });
}

/** The report of one cooperation as a print-ready HTML document (in `lang`) or as CSV. */
export async function cooperationReport(ctx: AppContext, id: string, opts: { format: string; lang?: string; today?: string }): Promise<{ contentType: string; body: string }> {
  if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) {
    throw new InvalidInputError(`unknown report format "${opts.format}"`, [{ column: "format", value: opts.format, message: "must be html or csv" }], undefined, { code: "validation.invalid_value", params: { field: "format", options: "html, csv" } });
  }
  const lang = opts.lang ?? "en";
  if (lang !== "en" && lang !== "zh") throw new InvalidInputError(`unknown language "${lang}"`, [{ column: "lang", value: lang, message: "must be en or zh" }], undefined, { code: "validation.invalid_value", params: { field: "lang", options: "en, zh" } });
  const data = await loadReportData(ctx, id, { today: opts.today });
  return opts.format === "csv"
    ? { contentType: "text/csv; charset=utf-8", body: cooperationReportCsv(data) }
    : { contentType: "text/html; charset=utf-8", body: cooperationReportHtml(data, lang as ReportLang) };
}
