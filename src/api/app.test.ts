import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/support/databases.js";
import { useTestApp } from "../../test/support/app.js";
import { loadFixture } from "../../test/support/fixture.js";
import { type AppContext, createContext } from "../services/context.js";
import { buildApp } from "./app.js";

describe.each(DIALECTS)("REST API on %s", (dialect) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  useTestApp(
    dialect,
    async (c) => {
      await loadFixture(c);
    },
    (s) => ({ ctx, app } = s),
  );

  const get = (url: string) => app.inject({ method: "GET", url });

  it("answers the health check with the database in use", async () => {
    const r = await get("/api/health");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: "ok", database: dialect, version: "0.1.0" });
  });

  it("finds chongqing-cn by 重庆 and by chongqing", async () => {
    for (const q of ["重庆", "chongqing"]) {
      const r = await get(`/api/v1/cities?q=${encodeURIComponent(q)}`);
      expect(r.statusCode).toBe(200);
      expect(r.json().items.map((c: { slug: string }) => c.slug)).toEqual(["chongqing-cn"]);
    }
  });

  it("pages with limit and cursor", async () => {
    const first = (await get("/api/v1/cities?limit=4")).json();
    expect(first.items).toHaveLength(4);
    const second = (await get(`/api/v1/cities?limit=4&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by country (any case) and minimum population", async () => {
    const r = (await get("/api/v1/cities?country=cn&min_population=4000000")).json();
    expect(r.items.map((c: { slug: string }) => c.slug)).toEqual(["chongqing-cn", "zhengzhou-cn"]);
  });

  it.each([
    ["/api/v1/cities?limit=0", "limit"],
    ["/api/v1/cities?limit=abc", "limit"],
    ["/api/v1/cities?min_population=-5", "min_population"],
    ["/api/v1/cities?country=China", "country"],
    ["/api/v1/cities?cursor=garbage", "cursor"],
    ["/api/v1/cities/Not%20A%20Slug", "slug"],
    ["/api/v1/cities/chongqing-cn/observations?indicator=PM25", "indicator"],
    ["/api/v1/observations/export?format=xlsx", "format"],
  ])("answers %s with 400 problem+json naming %s", async (url, param) => {
    const r = await get(url);
    expect(r.statusCode).toBe(400);
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body = r.json();
    expect(body.status).toBe(400);
    expect(body.errors.map((e: { path: string }) => e.path)).toContain(param);
    expect(body.detail).toContain(`"${param}"`);
  });

  it("answers an unknown city, indicator or route with 404 problem+json", async () => {
    for (const url of ["/api/v1/cities/atlantis-xx", "/api/v1/cities/atlantis-xx/observations", "/api/v1/indicators/air.nothing/latest", "/api/v1/nothing"]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
  });

  it("lists the indicator catalogue with reference values and their sources", async () => {
    const items = (await get("/api/v1/indicators")).json().items as { code: string; references: { value: number; source: string }[] }[];
    const pm25 = items.find((i) => i.code === "air.pm25_annual");
    expect(pm25?.references).toContainEqual(expect.objectContaining({ value: 5, source: "who-aqg-2021" }));
    const sources = (await get("/api/v1/sources")).json().items.map((s: { id: string }) => s.id);
    expect(sources).toContain("who-aqg-2021");
  });

  it("imports provenance columns, refuses an unknown basis, counts coverage per indicator and theme", async () => {
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/observations/import",
      headers: { "content-type": "text/csv" },
      payload: "city,indicator,period,value,source,place,basis\nchongqing-cn,air.pm25_annual,2019,37.35,who-test,Chongqing Shi,guessed\n",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ row: 2, column: "basis", value: "guessed" })]);

    const body =
      "city,indicator,period,value,source,note,place,match,basis,quality\n" +
      "chongqing-cn,air.pm25_annual,2019,37.35,who-test,WHO,Chongqing Shi,name,measured,temporal coverage 98.5 %\n" +
      "mannheim-de,air.pm25_modelled,2014,16.6,ucdb-test,,Mannheim (urban centre 2442),\"coordinates, 1.2 km\",modelled,\n";
    const ok = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "text/csv" }, payload: body });
    expect(ok.statusCode).toBe(200);
    const series = (await get("/api/v1/cities/chongqing-cn/observations?indicator=air.pm25_annual")).json();
    expect(series.items[0]).toMatchObject({ value: 37.35, place: "Chongqing Shi", match: "name", basis: "measured", quality: "temporal coverage 98.5 %" });
    const csv = await get("/api/v1/observations/export?city=mannheim-de&format=csv");
    expect(csv.body.split("\n")[1]).toMatch(/^mannheim-de,air\.pm25_modelled,2014,16\.6,ucdb-test,,Mannheim \(urban centre 2442\),"coordinates, 1\.2 km",modelled,,/);

    const catalogue = (await get("/api/v1/indicators")).json();
    expect(catalogue.items.find((i: { code: string }) => i.code === "air.pm25_annual").coverage).toMatchObject({ cities: 1, observations: 1, first: "2019", last: "2019" });
    expect(catalogue.items.find((i: { code: string }) => i.code === "congestion.level").coverage).toEqual({ cities: 0, observations: 0, first: null, last: null });
    expect(catalogue.themes.find((t: { theme: string }) => t.theme === "air")).toMatchObject({ cities: 2, observations: 2 });
    await ctx.database.db.deleteFrom("observations").execute();
  });

  it("imports CSV, reports problems as 422 with rows named, and exports what it stored", async () => {
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/observations/import",
      headers: { "content-type": "text/csv" },
      payload: "city,indicator,period,value,source\nchongqing-cn,ghg.co2_total,2019,\"12,5\",test\n",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ row: 2, column: "value", value: "12,5" })]);
    expect(await ctx.observations.count()).toBe(0);

    const body = "city,indicator,period,value,source\nchongqing-cn,ghg.co2_total,2019,123000000,test-source\n";
    const ok = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "text/csv" }, payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ rows: 1, inserted: 1, updated: 0, unchanged: 0 });

    const series = (await get("/api/v1/cities/chongqing-cn/observations?indicator=ghg.co2_total")).json();
    expect(series.items).toEqual([expect.objectContaining({ period: "2019", value: 123000000, source: "test-source", importedBy: "test-admin@example.org" })]);
    const latest = (await get("/api/v1/indicators/ghg.co2_total/latest")).json();
    expect(latest.items).toEqual([{ city: "chongqing-cn", period: "2019", value: 123000000, source: "test-source" }]);

    const csv = await get("/api/v1/observations/export?city=chongqing-cn&format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body.split("\n")[0]).toBe("city,indicator,period,value,source,note,place,match,basis,quality,imported_by,imported_at");
    expect(csv.body.split("\n")[1]).toMatch(/^chongqing-cn,ghg\.co2_total,2019,123000000,test-source,,,,,,test-admin@example\.org,/);
    const json = await get("/api/v1/observations/export?indicator=ghg.co2_total&format=json");
    expect(json.json()).toHaveLength(1);
  });

  it("accepts a multipart upload with a file field", async () => {
    const boundary = "----citybridge";
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="o.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      "city,indicator,period,value,source\nmalaga-es,air.no2_annual,2020,21,test-source\n" +
      `\r\n--${boundary}--\r\n`;
    const r = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, payload });
    expect(r.statusCode).toBe(200);
    expect(r.json().inserted).toBe(1);
  });

  it("refuses a body that is neither CSV nor a form with 415, and malformed JSON with 400", async () => {
    const r = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "application/json" }, payload: "{}" });
    expect(r.statusCode).toBe(415);
    const j = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "application/json" }, payload: "{" });
    expect(j.statusCode).toBe(400);
    const x = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "application/xml" }, payload: "<a/>" });
    expect(x.statusCode).toBe(415);
  });

  it("publishes an OpenAPI 3 document covering the routes", async () => {
    const doc = (await get("/api/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ["/api/v1/cities", "/api/v1/cities/{slug}", "/api/v1/cities/{slug}/observations", "/api/v1/indicators", "/api/v1/observations/import"]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});

const BIG = `export const rows = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ i, name: `row ${i}` })))};\n`;

describe("the web UI as served by the API", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const web = mkdtempSync(`${tmpdir()}/citybridge-web-`);
    writeFileSync(`${web}/index.html`, "<!doctype html><html><head><title>citybridge</title></head><body></body></html>");
    mkdirSync(`${web}/assets`);
    writeFileSync(`${web}/assets/app.js`, "console.log(1)");
    // As scripts/build.js leaves them: compressed copies beside an asset.
    const { brotliCompressSync, gzipSync } = await import("node:zlib");
    writeFileSync(`${web}/assets/big.js`, BIG);
    writeFileSync(`${web}/assets/big.js.br`, brotliCompressSync(BIG));
    writeFileSync(`${web}/assets/big.js.gz`, gzipSync(BIG));
    mkdirSync(`${web}/.vite`);
    writeFileSync(`${web}/.vite/manifest.json`, JSON.stringify({
      "index.html": { file: "assets/app.js", isEntry: true },
      "pages/programmes/ProgrammesPage.tsx": { file: "assets/ProgrammesPage-1.js", src: "pages/programmes/ProgrammesPage.tsx", isDynamicEntry: true, imports: ["index.html"] },
    }));
    t = await createTestDatabase("sqlite");
    app = await buildApp(createContext(t.database), { webDir: web, logLevel: "silent" });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it("serves the app shell for every page path, so deep links work", async () => {
    for (const url of ["/", "/cities/chongqing-cn", "/compare?c=a,b"]) {
      const r = await app.inject({ method: "GET", url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain("<title>citybridge</title>");
    }
  });

  it("announces a page's chunks and first API reads in its head, so they load while the main chunk runs", async () => {
    const r = await app.inject({ method: "GET", url: "/programmes" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/html/);
    expect(r.body).toContain('<link rel="modulepreload" crossorigin href="/assets/ProgrammesPage-1.js">');
    expect(r.body).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/programmes?limit=12&amp;offset=0">');
    expect(r.body.indexOf("/api/v1/programmes?")).toBeLessThan(r.body.indexOf("</head>"));
    // Practices in the language the page will start in: the saved choice, else the browser's.
    expect((await app.inject({ method: "GET", url: "/practices", headers: { "accept-language": "zh-CN,zh;q=0.9" } })).body).toContain("/api/v1/practices?lang=zh&amp;limit=20&amp;offset=0");
    expect((await app.inject({ method: "GET", url: "/practices", headers: { "accept-language": "zh-CN", cookie: "cb_lang=en" } })).body).toContain("/api/v1/practices?lang=en&amp;limit=20&amp;offset=0");
    // The manifest itself is not served.
    expect((await app.inject({ method: "GET", url: "/.vite/manifest.json" })).statusCode).toBe(404);
    expect((await app.inject({ method: "HEAD", url: "/programmes" })).statusCode).toBe(404);
  });

  it("sends an asset's brotli or gzip copy to a browser that accepts it, the same bytes once decoded", async () => {
    const { brotliDecompressSync, gunzipSync } = await import("node:zlib");
    const br = await app.inject({ method: "GET", url: "/assets/big.js", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(BIG.length / 4);
    expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(BIG);
    const gz = await app.inject({ method: "GET", url: "/assets/big.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString("utf8")).toBe(BIG);
    const plain = await app.inject({ method: "GET", url: "/assets/big.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(BIG);
    // An asset without copies is sent as it is, whatever the browser accepts.
    const small = await app.inject({ method: "GET", url: "/assets/app.js", headers: { "accept-encoding": "br" } });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body).toBe("console.log(1)");
  });

  it("serves assets, and answers a missing asset or API route with 404 rather than the shell", async () => {
    expect((await app.inject({ method: "GET", url: "/assets/app.js" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/assets/old-1234.js" })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/api/v2/cities" })).statusCode).toBe(404);
  });

  it("lets browsers keep content-hashed assets for a year, and revalidate the page (ETag) every time", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/app.js" });
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.etag).toBeTruthy();
    for (const url of ["/", "/cities/chongqing-cn", "/index.html"]) {
      const page = await app.inject({ method: "GET", url });
      expect(page.headers["cache-control"], url).toBe("no-cache");
      const again = await app.inject({ method: "GET", url, headers: { "if-none-match": String(page.headers.etag) } });
      expect(again.statusCode, url).toBe(304);
    }
  });
});
