import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/support/app.js";
import { DIALECTS } from "../../test/support/databases.js";
import { FIXTURE_CITIES, loadFixture } from "../../test/support/fixture.js";
import { up as retireInternalSources } from "../db/migrations/0015-retire-internal-sources.js";
import { DATA_DIR } from "../services/seed.js";
import { seedProgrammes } from "../services/seed-programmes.js";

/**
 * Issue 18.7: no public page or API answer may cite one of the project's internal files (its design
 * notes, architecture or UI pages) as a source: a reader cannot open them, and they are not evidence.
 */
const INTERNAL = /\b(?:DOMAIN|ARCHITECTURE|UI|STYLE)\.md\b|shared\/design|design notes|\.\.\/shared\b/i;

/** Every JSON and CSV file under data/ (what the seed loads and the server reads at run time). */
function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dataFiles(path);
    return /\.(json|csv)$/.test(name) ? [path] : [];
  });
}

describe("shipped reference data", () => {
  it("cites no internal file of the project in any JSON or CSV file under data/", () => {
    const files = dataFiles(DATA_DIR);
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((f) =>
      readFileSync(f, "utf8").split("\n").flatMap((line, i) => (INTERNAL.test(line) ? [`${relative(DATA_DIR, f)}:${i + 1}: ${line.slice(0, 160)}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});

const extra = (slug: string, en: string, country: string, lat: number, lon: number) => ({ ...FIXTURE_CITIES[3]!, slug, names: { en, zh: null, local: null }, country, coordinates: { lat, lon } });

describe.each(DIALECTS)("public pages and API sources on %s", (dialect) => {
  let app: FastifyInstance;
  let ctx: Parameters<Parameters<typeof useTestApp>[2]>[0]["ctx"];
  useTestApp(
    dialect,
    async (c) => {
      await loadFixture(c);
      await c.cities.upsertMany([extra("rome-it", "Rome", "IT", 41.89193, 12.51133), extra("agioi-anargyroi-gr", "Ágioi Anárgyroi", "GR", 38.03013, 23.72379)]);
      await seedProgrammes(c, DATA_DIR, new Date("2026-01-01T00:00:00Z"));
    },
    (s) => ({ app, ctx } = s),
  );
  const get = async (url: string) => {
    const r = await app.inject({ method: "GET", url });
    expect(r.statusCode, url).toBe(200);
    return r.body;
  };

  it("the IUC Asia programme, its cooperations, showcase pages, reports and the counterpart method cite no internal file", async () => {
    const coops = (JSON.parse(await get("/api/v1/cooperations?programme=iuc-asia")) as { cooperations: { id: string }[] }).cooperations.map((c) => c.id);
    expect(coops.length).toBe(3);
    const urls = [
      "/api/v1/programmes/iuc-asia", "/api/v1/showcase/programmes/iuc-asia", "/api/v1/programmes/iuc-asia/activities",
      ...coops.flatMap((id) => [`/api/v1/cooperations/${id}`, `/api/v1/showcase/cooperations/${id}`, `/api/v1/cooperations/${id}/report`, `/api/v1/cooperations/${id}/report?lang=zh`]),
      "/api/v1/cities/chongqing-cn/counterparts?top=3",
    ];
    for (const url of urls) expect(await get(url), url).not.toMatch(INTERNAL);
    // and the showcase still names real sources
    expect(await get("/api/v1/showcase/programmes/iuc-asia")).toContain("https://www.iuc-asia.eu/");
    expect(await get("/api/v1/cities/chongqing-cn/counterparts?top=3")).toContain("https://iuc.eu/index.php?id=196");
  });

  it("migration 0015 removes the design-notes source from a database seeded before, and from every list that cited it", async () => {
    const db = ctx.database.db;
    await db.insertInto("sources").values({ id: "citybridge-domain-iuc", citation: "The IUC programme, as documented — as summarised in citybridge DOMAIN.md (design notes of this project)", url: null, licence: null, created_at: "2026-01-01T00:00:00.000Z" }).execute();
    await db.updateTable("programmes").set({ source_ids_json: JSON.stringify(["iuc-asia-about", "citybridge-domain-iuc"]) }).where("id", "=", "iuc-asia").execute();
    await db.updateTable("cooperations").set({ source_ids_json: JSON.stringify(["citybridge-domain-iuc"]) }).where("id", "=", coopId()).execute();
    expect(await get("/api/v1/showcase/programmes/iuc-asia")).toMatch(INTERNAL); // the state a database seeded before is in
    await retireInternalSources(db as never);
    expect(await db.selectFrom("sources").select("id").where("id", "=", "citybridge-domain-iuc").executeTakeFirst()).toBeUndefined();
    const p = await db.selectFrom("programmes").select("source_ids_json").where("id", "=", "iuc-asia").executeTakeFirstOrThrow();
    expect(JSON.parse(p.source_ids_json)).toEqual(["iuc-asia-about"]);
    const c = await db.selectFrom("cooperations").select("source_ids_json").where("id", "=", coopId()).executeTakeFirstOrThrow();
    expect(JSON.parse(c.source_ids_json)).toEqual([]);
    expect(await get("/api/v1/showcase/programmes/iuc-asia")).not.toMatch(INTERNAL);
    expect(await get(`/api/v1/cooperations/${coopId()}/report`)).not.toMatch(INTERNAL);
  });
  const coopId = () => "iuc-asia-chongqing-mannheim";
});
