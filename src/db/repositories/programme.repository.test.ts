import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Application, CallRecord, Programme } from "../../domain/programme.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { type AppContext, createContext } from "../../services/context.js";

const AT = "2026-01-02T03:04:05.000Z";
const programme: Programme = {
  id: "test-prog-abc123",
  names: { en: "Test programme", zh: "测试合作项目" },
  descriptions: { en: "About it", zh: null },
  startDate: "2026-01-01",
  endDate: "2027-12-31",
  themes: ["transport", "air"],
  sides: [
    { key: "a", names: { en: "EU", zh: "欧盟" }, countries: ["DE", "ES"] },
    { key: "b", names: { en: "China", zh: null }, countries: ["CN"] },
  ],
  funder: "European Commission",
  eligibility: { minPopulation: 50000, requireInventory: true },
  sourceIds: ["geonames"],
  version: 1,
  createdBy: "test",
  createdAt: AT,
  updatedAt: AT,
};
const call: CallRecord = {
  id: "call-1-xyz",
  programmeId: programme.id,
  titles: { en: "First call", zh: "第一次征集" },
  descriptions: { en: null, zh: null },
  side: "a",
  opensOn: null,
  deadline: "2026-06-30",
  eligibility: { minPopulation: 100000 },
  version: 1,
  createdBy: "test",
  createdAt: AT,
  updatedAt: AT,
};
const application: Application = {
  id: "app-1",
  callId: call.id,
  programmeId: programme.id,
  city: { slug: "mannheim-de", names: { en: "Mannheim", zh: null }, country: "DE", population: 307960 },
  themes: ["transport"],
  challenges: "freight",
  strengths: null,
  stage: { inventory: true, target: false, plan: true },
  contact: { name: "A. Person", email: "a@example.org" },
  status: "eligible",
  eligibility: [{ rule: "minPopulation", ok: true, reason: { en: "ok", zh: "好" } }],
  decisionNote: null,
  submittedAt: AT,
  decidedAt: null,
  version: 1,
  createdBy: "test",
  updatedAt: AT,
};

describe.each(DIALECTS)("ProgrammeRepository on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ctx = createContext(t.database);
    await loadFixture(ctx);
    await ctx.programmes.insert(programme);
    await ctx.programmes.insertCall(call);
    await ctx.programmes.insertApplication(application);
  });
  afterAll(() => t.drop());

  it("stores and reads back a programme, a call and an application unchanged", async () => {
    expect(await ctx.programmes.get(programme.id)).toEqual(programme);
    expect(await ctx.programmes.getCall(call.id)).toEqual(call);
    expect(await ctx.programmes.getApplication("app-1")).toEqual(application);
    expect(await ctx.programmes.findApplication(call.id, "mannheim-de")).toEqual(application);
    expect(await ctx.programmes.get("nope")).toBeNull();
  });

  it("counts calls, applications and cooperations per programme as numbers", async () => {
    await t.database.db
      .insertInto("cooperations")
      .values({ id: "coop-1", programme_id: programme.id, name_en: "Pair", name_zh: null, themes_json: "[]", start_date: null, end_date: null, status: "proposed", origin: "manual", source_ids_json: "[]", version: 1, created_by: "test", created_at: AT, updated_at: AT })
      .execute();
    expect((await ctx.programmes.counts()).get(programme.id)).toEqual({ calls: 1, applications: 1, cooperations: 1 });
    expect(await ctx.programmes.applicationCounts(programme.id)).toEqual(new Map([[call.id, 1]]));
  });

  it("filters applications by programme and status", async () => {
    expect(await ctx.programmes.listApplications({ programmeId: programme.id, status: "eligible" })).toHaveLength(1);
    expect(await ctx.programmes.listApplications({ programmeId: programme.id, status: "accepted" })).toHaveLength(0);
  });

  it("reads sides written as { key, names: { en, zh }, countries } as well as the documented name_en/name_zh", async () => {
    await t.database.db
      .insertInto("programmes")
      .values({
        id: "raw-sides", name_en: "Raw", name_zh: null, description_en: null, description_zh: null, start_date: null, end_date: null, themes_json: "[]",
        sides_json: JSON.stringify([{ key: "a", names: { en: "China", zh: "中国" }, countries: ["CN"] }]), funder: null, eligibility_json: "{}",
        source_ids_json: "[]", version: 1, created_by: "seed", created_at: AT, updated_at: AT,
      })
      .execute();
    expect((await ctx.programmes.get("raw-sides"))?.sides).toEqual([{ key: "a", names: { en: "China", zh: "中国" }, countries: ["CN"] }]);
  });

  it("refuses a second application of the same city to the same call", async () => {
    await expect(ctx.programmes.insertApplication({ ...application, id: "app-2" })).rejects.toThrow();
  });

  it("replaces only when the expected version is the stored one", async () => {
    expect(await ctx.programmes.replace({ ...programme, funder: "EC" }, 2)).toBe(false);
    expect(await ctx.programmes.replace({ ...programme, funder: "EC" }, 1)).toBe(true);
    expect(await ctx.programmes.get(programme.id)).toMatchObject({ funder: "EC", version: 2 });
    expect(await ctx.programmes.replaceCall({ ...call, deadline: "2026-07-31" }, 1)).toBe(true);
    expect(await ctx.programmes.replaceApplication({ ...application, status: "accepted" }, 1)).toBe(true);
    expect(await ctx.programmes.getApplication("app-1")).toMatchObject({ status: "accepted", version: 2 });
  });
});
