import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/support/app.js";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadWorkFixture } from "../../../test/support/work-fixture.js";

describe.each(DIALECTS)("cooperation work API on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(dialect, loadWorkFixture, (s) => ({ app } = s));

  const get = (url: string) => app.inject({ method: "GET", url: `/api/v1${url}` });
  const send = (method: "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) => app.inject({ method, url: `/api/v1${url}`, payload: payload as object });

  it("records a study visit with an organisation and an MoU, listed for the cooperation and the programme", async () => {
    const org = await send("POST", "/organisations", { names: { en: "Mannheim Chamber of Commerce", zh: "曼海姆工商会" }, kind: "private", country: "DE" });
    expect(org.statusCode).toBe(201);
    expect(org.json()).toMatchObject({ createdBy: "test-admin@example.org", version: 1 });
    const visit = await send("POST", "/cooperations/coop-cq-ma/activities", {
      kind: "study_visit", titles: { en: "Study visit to Mannheim", zh: "曼海姆考察访问" }, startDate: "2018-04-10", endDate: "2018-04-12", place: "Mannheim", organisationIds: [org.json().id],
    });
    expect(visit.statusCode).toBe(201);
    const id = visit.json().id as string;
    const mou = await send("POST", `/activities/${id}/outputs`, { kind: "mou", titles: { en: "MoU on logistics", zh: "物流合作备忘录" }, date: "2018-04-12", url: "https://example.org/mou.pdf" });
    expect(mou.statusCode).toBe(201);
    const list = (await get("/cooperations/coop-cq-ma/activities")).json().items;
    expect(list).toEqual([expect.objectContaining({ id, organisations: [expect.objectContaining({ names: { en: "Mannheim Chamber of Commerce", zh: "曼海姆工商会" } })], outputs: [expect.objectContaining({ kind: "mou" })] })]);
    const programme = (await get("/programmes/prog-iuc/activities")).json().items;
    expect(programme.map((a: { id: string }) => a.id)).toEqual(["act-declaration", id]);
    expect(programme[0]).toMatchObject({ cooperationId: null, programmeId: "prog-iuc", sources: [{ id: "geonames" }] });
    expect((await get(`/activities/${id}`)).json().outputs).toHaveLength(1);
  });

  it("answers 400 naming the field for bad input and 404 for unknown records, never 500", async () => {
    const bad = await send("POST", "/cooperations/coop-cq-ma/activities", { kind: "workshop", titles: { en: "W" }, startDate: "2018-05-02", endDate: "2018-05-01" });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(bad.json().errors[0]).toMatchObject({ path: "endDate", value: "2018-05-01" });
    const kind = await send("POST", "/cooperations/coop-cq-ma/activities", { kind: "party", titles: { en: "W" }, startDate: "2018-05-02" });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].path).toBe("kind");
    const [act] = (await get("/cooperations/coop-cq-ma/activities")).json().items;
    const js = await send("POST", `/activities/${act.id}/outputs`, { kind: "report", titles: { en: "R" }, url: "javascript:alert(1)" });
    expect(js.statusCode).toBe(400);
    expect(js.json().errors[0].path).toBe("url");
    expect((await get("/cooperations/nope/activities")).statusCode).toBe(404);
    expect((await get("/programmes/nope/activities")).statusCode).toBe(404);
    expect((await send("POST", "/cooperations/coop-cq-ma/activities", { kind: "webinar", titles: { en: "W" }, startDate: "2018-05-02", organisationIds: ["ghost"] })).statusCode).toBe(404);
    expect((await send("POST", "/cooperations/coop-cq-ma/commitments", { organisationId: "ghost", role: "r" })).statusCode).toBe(404);
    expect((await send("DELETE", "/outputs/nope")).statusCode).toBe(404);
    expect((await get("/organisations?kind=martian")).statusCode).toBe(400);
  });

  it("answers 409 with the current activity when the version is stale", async () => {
    const [act] = (await get("/cooperations/coop-cq-ma/activities")).json().items;
    expect((await send("PATCH", `/activities/${act.id}`, { version: act.version, place: "Mannheim harbour" })).json()).toMatchObject({ place: "Mannheim harbour", version: act.version + 1 });
    const stale = await send("PATCH", `/activities/${act.id}`, { version: act.version, place: "stale" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: act.id, place: "Mannheim harbour" });
  });

  it("adds a private partner with a commitment and finds it by kind and text", async () => {
    const org = (await send("POST", "/organisations", { names: { en: "MVV Energie" }, kind: "private", country: "DE", sector: "energy", website: "https://www.mvv.de" })).json();
    const c = await send("POST", "/cooperations/coop-cq-ma/commitments", { organisationId: org.id, role: "technology partner", commitment: { en: "Designs the heat pump pilot", zh: "设计热泵试点" } });
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ organisation: { id: org.id, kind: "private" }, role: "technology partner", createdBy: "test-admin@example.org" });
    expect((await get("/cooperations/coop-cq-ma/commitments")).json().items.map((x: { id: string }) => x.id)).toEqual([c.json().id]);
    expect((await get("/organisations?kind=private&q=mvv")).json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    expect((await get(`/organisations/${org.id}`)).json().commitments).toHaveLength(1);
    const patched = await send("PATCH", `/organisations/${org.id}`, { version: 1, names: { en: "MVV Energie AG", zh: "MVV能源" } });
    expect(patched.json()).toMatchObject({ version: 2, names: { zh: "MVV能源" } });
    expect((await send("PATCH", `/organisations/${org.id}`, { version: 1, sector: "x" })).statusCode).toBe(409);
    expect((await send("PATCH", `/commitments/${c.json().id}`, { version: 1, role: "lead partner" })).json()).toMatchObject({ role: "lead partner", version: 2 });
    expect((await send("DELETE", `/commitments/${c.json().id}`)).statusCode).toBe(204);
  });

  it("adds a pilot with a fund application and records an award within the rules", async () => {
    const p = await send("POST", "/cooperations/coop-cq-ma/pilots", { titles: { en: "Freight rail link", zh: "铁路货运通道" }, citySlug: "chongqing-cn", budget: 250000, currency: "EUR", status: "in_progress" });
    expect(p.statusCode).toBe(201);
    const outside = await send("POST", "/cooperations/coop-cq-ma/pilots", { titles: { en: "X" }, citySlug: "prague-cz" });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].path).toBe("citySlug");
    const pilotId = p.json().id as string;
    const f = await send("POST", `/pilots/${pilotId}/fund-applications`, { fund: "IUC pilot project fund", submittedOn: "2019-01-15", amountRequested: 100000, currency: "EUR", score: 87 });
    expect(f.statusCode).toBe(201);
    expect((await send("POST", `/pilots/${pilotId}/fund-applications`, { fund: "F", submittedOn: "2019-01-15", score: 120 })).json().errors[0].path).toBe("score");
    const pending = await send("PATCH", `/fund-applications/${f.json().id}`, { version: 1, decidedOn: "2019-03-01" });
    expect(pending.statusCode).toBe(400);
    expect(pending.json().errors[0]).toMatchObject({ path: "decidedOn", message: "needs a decision: awarded, rejected or withdrawn" });
    const award = await send("PATCH", `/fund-applications/${f.json().id}`, { version: 1, decision: "awarded", decidedOn: "2019-03-01", amountAwarded: 90000 });
    expect(award.json()).toMatchObject({ decision: "awarded", amountAwarded: 90000, version: 2 });
    expect((await send("PATCH", `/fund-applications/${f.json().id}`, { version: 1, score: 1 })).statusCode).toBe(409);
    const pilot = (await get(`/pilots/${pilotId}`)).json();
    expect(pilot).toMatchObject({ status: "in_progress", fundApplications: [{ score: 87, decision: "awarded" }], kpis: [] });
    expect((await send("PATCH", `/pilots/${pilotId}`, { version: 1, status: "done" })).json()).toMatchObject({ status: "done", version: 2 });
    expect((await get("/cooperations/coop-cq-ma/pilots")).json().items).toHaveLength(1);
  });

  it("documents the endpoints under the activities, pilots and partners tags", async () => {
    const spec = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(spec.paths["/api/v1/fund-applications/{id}"].patch.tags).toEqual(["pilots"]);
    expect(spec.paths["/api/v1/programmes/{id}/activities"].get.tags).toEqual(["activities"]);
    expect(spec.paths["/api/v1/organisations"].get.tags).toEqual(["partners"]);
  });
});
