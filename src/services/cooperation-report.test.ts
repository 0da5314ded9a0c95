import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { loadMonitoringFixture, MON_TODAY } from "../../test/support/monitoring-fixture.js";
import type { AppContext } from "./context.js";
import { escapeHtml } from "./cooperation-report-html.js";
import { cooperationReport, REPORT_CSV_COLUMNS } from "./cooperation-report.js";
import { useTestContext } from "../../test/support/context.js";
import { cooperationActivities, programmeActivities } from "./activities.js";
import { showcaseCooperation } from "./showcase.js";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe.each(DIALECTS)("cooperationReport on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    await loadMonitoringFixture(ctx);
  });

  it("writes a self-contained print-ready HTML report with actions, KPI status, activities, partners and indicator changes", async () => {
    const r = await cooperationReport(ctx, "mon-coop", { format: "html", lang: "en", today: MON_TODAY });
    expect(r.contentType).toMatch(/^text\/html/);
    const html = r.body;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("@media print");
    expect(html).toContain("page-break-before:always");
    expect(html).not.toMatch(/<link |<script/);
    for (const s of ["Chongqing – Mannheim", "Freight railway link", "off track", "Study visit to Mannheim", "MoU on freight", "University of Mannheim", "Freight and clean air", "MoU signed", "PM2.5, annual mean", "improved"]) {
      expect(html, s).toContain(s);
    }
  });

  it("lists the activities the cooperation's Activities tab lists — its own and its programme's programme-wide ones, marked", async () => {
    const expected: Record<string, [string, boolean][]> = { "mon-coop": [["actv-decl", true], ["actv-visit", false]], "mon-bare": [["actv-decl", true]] };
    for (const [id, want] of Object.entries(expected)) {
      // what the Activities tab shows: the cooperation's activities and the programme's activities without a cooperation
      const tab = [...(await cooperationActivities(ctx, id)), ...(await programmeActivities(ctx, "mon-prog")).filter((a) => a.cooperationId === null)];
      expect(tab.map((a) => a.id).sort(), id).toEqual(want.map(([x]) => x));
      const sc = await showcaseCooperation(ctx, id, { today: MON_TODAY });
      expect(sc.activities.map((a) => [a.id, a.programmeWide]), id).toEqual(want);
    }
    // mon-bare has no activity of its own: the report must not say "not yet reported" while the tab lists one
    const { body } = await cooperationReport(ctx, "mon-bare", { format: "html", lang: "en", today: MON_TODAY });
    const section = body.slice(body.indexOf('<section id="activities">'), body.indexOf("<h2>Pilot"));
    expect(section).toContain("Joint declaration");
    expect(section).toContain("(programme-wide)");
    const zh = await cooperationReport(ctx, "mon-bare", { format: "html", lang: "zh", today: MON_TODAY });
    expect(zh.body).toContain("联合声明 <small class=\"muted\">(项目整体活动)</small>");
  });

  it("escapes user text: a <script> title comes out as text", async () => {
    const { body } = await cooperationReport(ctx, "mon-coop", { format: "html", today: MON_TODAY });
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(body).not.toContain("<script>alert(1)");
  });

  it("speaks Chinese with ?lang=zh and falls back to English with a marker", async () => {
    const { body } = await cooperationReport(ctx, "mon-coop", { format: "html", lang: "zh", today: MON_TODAY });
    expect(body).toContain('<html lang="zh-CN">');
    for (const s of ["城市合作报告", "重庆–曼海姆", "偏离", "尚未报告", "货运与清洁空气", "曼海姆考察访问", "数据来源", "考察访问", "合作备忘录"]) expect(body, s).toContain(s);
    expect(body).toContain('<span lang="en">Freight railway link</span> <small class="muted">(英文)</small>');
    // Dates, countries and free text in the reader's language (no ISO dates, no country codes).
    expect(body).toContain("2018年3月1日 – 2019年12月31日");
    expect(body).toContain("<td>德国</td>");
    expect(body).not.toMatch(/<td>\d{4}-\d{2}-\d{2}<\/td>/);
  });

  it("writes one CSV row per KPI with the action's columns repeated, and a row for an action without KPIs", async () => {
    const { body, contentType } = await cooperationReport(ctx, "mon-coop", { format: "csv", today: MON_TODAY });
    expect(contentType).toMatch(/^text\/csv/);
    const rows = parse(body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_CSV_COLUMNS]);
    expect(rows.map((r) => [r.action_id, r.kpi_id, r.kpi_status])).toEqual([
      ["act-rail", "kpi-pm", "off_track"],
      ["act-late", "kpi-quiet", "no_data"],
      ["act-xss", "", ""],
    ]);
    expect(rows[0]).toMatchObject({ action_title_en: "Freight railway link", baseline_value: "100", target_year: "2027", latest_value: "90", progress_pct: "20" });
  });

  it("rejects an unknown format or language and an unknown cooperation", async () => {
    await expect(cooperationReport(ctx, "mon-coop", { format: "pdf" })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(cooperationReport(ctx, "mon-coop", { format: "html", lang: "fr" })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(cooperationReport(ctx, "nope", { format: "csv" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
