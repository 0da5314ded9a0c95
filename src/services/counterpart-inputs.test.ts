import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import { useTestContext } from "../../test/support/context.js";
import { loadFixture } from "../../test/support/fixture.js";
import type { AppContext } from "./context.js";
import { loadCounterpartInputs } from "./counterpart-inputs.js";

describe.each(DIALECTS)("counterpart inputs on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));

  it("are read again once the data change, and (on SQLite) kept while they do not", async () => {
    await loadFixture(ctx);
    const first = await loadCounterpartInputs(ctx);
    const again = await loadCounterpartInputs(ctx);
    if (dialect === "sqlite") expect(again).toBe(first);
    else expect(again).not.toBe(first);
    expect(first.bySlug.get("chongqing-cn")?.features.get("transport.public_transport_share")).toBeUndefined();

    await ctx.observations.upsert([{ city: "chongqing-cn", indicator: "transport.public_transport_share", period: "2024", value: 47, source: "geonames", note: null, importedBy: "test", importedAt: "2026-01-01T00:00:00.000Z" }]);
    const after = await loadCounterpartInputs(ctx);
    expect(after).not.toBe(first);
    expect(after.bySlug.get("chongqing-cn")?.features.get("transport.public_transport_share")?.value).toBe(47);
  });

  it("use modelled PM2.5 only for a city without a measured annual mean", async () => {
    await loadFixture(ctx);
    const o = (city: string, indicator: string, value: number) => ({ city, indicator, period: "2019", value, source: "geonames", note: null, importedBy: "test", importedAt: "2026-01-01T00:00:00.000Z" });
    await ctx.observations.upsert([o("chongqing-cn", "air.pm25_annual", 37), o("chongqing-cn", "air.pm25_modelled", 48), o("mannheim-de", "air.pm25_modelled", 16.6)]);
    const inputs = await loadCounterpartInputs(ctx);
    const chongqing = inputs.bySlug.get("chongqing-cn")!.features;
    expect(chongqing.get("air.pm25_annual")?.value).toBe(37);
    expect(chongqing.has("air.pm25_modelled")).toBe(false);
    expect(inputs.bySlug.get("mannheim-de")!.features.get("air.pm25_modelled")?.value).toBe(16.6);
  });
});
