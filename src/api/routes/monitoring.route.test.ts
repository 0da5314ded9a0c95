import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/support/app.js";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { loadMonitoringFixture } from "../../../test/support/monitoring-fixture.js";

describe.each(DIALECTS)("monitoring API on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(
    dialect,
    async (c) => {
      await loadFixture(c);
      await loadMonitoringFixture(c);
    },
    (s) => ({ app } = s),
  );
  const get = (url: string) => app.inject({ method: "GET", url });

  it("answers a cooperation's monitoring with KPI statuses, overdue actions and indicator changes", async () => {
    const r = await get("/api/v1/cooperations/mon-coop/monitoring");
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.kpis.find((k: { id: string }) => k.id === "kpi-pm")).toMatchObject({ status: "off_track", statusWords: { zh: "偏离" } });
    expect(body.overdueActions.map((a: { id: string }) => a.id)).toEqual(["act-late"]);
    expect(body.indicatorChanges.length).toBe(2);
    expect(body.method.zh.length).toBeGreaterThan(0);
  });

  it("answers a programme's monitoring with map lines and needs-attention items", async () => {
    const body = (await get("/api/v1/programmes/mon-prog/monitoring")).json();
    expect(body.lines).toHaveLength(3);
    expect(body.needsAttention.map((n: { kind: string }) => n.kind)).toContain("no_action_plan");
    expect(body.impact.totals[0]).toEqual({ unit: "tCO2e/yr", expected: 7000, achieved: 5000 });
  });

  it("serves showcase views without contacts, e-mails or budgets", async () => {
    const p = await get("/api/v1/showcase/programmes/mon-prog");
    const c = await get("/api/v1/showcase/cooperations/mon-coop");
    expect([p.statusCode, c.statusCode]).toEqual([200, 200]);
    for (const secret of ["erika@example.org", "Erika Secret", "secret fund", "budget"]) expect(p.body + c.body).not.toContain(secret);
    expect(c.json().cooperation.programmeNames).toEqual({ en: "Test Urban Cooperation", zh: "测试城市合作" });
  });

  it("serves the report as HTML (en, zh) and CSV", async () => {
    const html = await get("/api/v1/cooperations/mon-coop/report");
    expect(html.statusCode).toBe(200);
    expect(html.headers["content-type"]).toMatch(/^text\/html/);
    expect(html.body).toContain("&lt;script&gt;alert(1)");
    expect(html.body).not.toContain("<script>alert");
    const zh = await get("/api/v1/cooperations/mon-coop/report?lang=zh");
    expect(zh.body).toContain("城市合作报告");
    const csv = await get("/api/v1/cooperations/mon-coop/report?format=csv");
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toContain("mon-coop-report.csv");
    expect(csv.body.split("\n")[0]).toContain("kpi_status");
    expect(csv.body).toContain("Freight railway link");
  });

  it.each([
    ["/api/v1/cooperations/mon-coop/report?format=pdf", 400, "format"],
    ["/api/v1/cooperations/mon-coop/report?lang=fr", 400, "lang"],
    ["/api/v1/cooperations/bad%20id/monitoring", 400, "id"],
  ])("answers %s with %i problem+json naming %s", async (url, status, param) => {
    const r = await get(url);
    expect(r.statusCode).toBe(status);
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toContain(param);
  });

  it("answers an unknown cooperation or programme with 404 problem+json", async () => {
    for (const url of ["/api/v1/cooperations/nope/monitoring", "/api/v1/programmes/nope/monitoring", "/api/v1/showcase/programmes/nope", "/api/v1/showcase/cooperations/nope", "/api/v1/cooperations/nope/report"]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
  });
});
