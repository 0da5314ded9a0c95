import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useTestContext } from "../../../test/support/context.js";
import { DIALECTS } from "../../../test/support/databases.js";
import type { AppContext } from "../../services/context.js";
import { down, up } from "./0017-observation-indicator-index.js";

/** The secondary index of `observations` (migration 0017): on indicator_code alone on PostgreSQL, three columns on SQLite. */
describe.each(DIALECTS)("observations' secondary index (migration 0017) on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  const db = () => ctx.database.db;

  /** Each index of observations other than the primary key, with its columns. */
  async function indexes(): Promise<Record<string, string[]>> {
    if (dialect === "sqlite") {
      const list = await sql<{ name: string; origin: string }>`select name, origin from pragma_index_list('observations')`.execute(db());
      const out: Record<string, string[]> = {};
      for (const ix of list.rows.filter((r) => r.origin === "c")) {
        out[ix.name] = (await sql<{ name: string }>`select name from pragma_index_info(${ix.name}) order by seqno`.execute(db())).rows.map((r) => r.name);
      }
      return out;
    }
    const rows = await sql<{ name: string; columns: string[] }>`
      select i.relname as name, array_agg(a.attname::text order by k.n) as columns
      from pg_index x join pg_class i on i.oid = x.indexrelid
        cross join lateral unnest(x.indkey) with ordinality as k(attnum, n)
        join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
      where x.indrelid = 'observations'::regclass and not x.indisprimary
      group by i.relname`.execute(db());
    return Object.fromEntries(rows.rows.map((r) => [r.name, r.columns]));
  }

  it("is on indicator_code alone on PostgreSQL and keeps three columns on SQLite", async () => {
    if (dialect === "postgres") expect(await indexes()).toEqual({ observations_indicator: ["indicator_code"] });
    else expect(await indexes()).toEqual({ observations_indicator_city: ["indicator_code", "city_slug", "period"] });
  });

  it.runIf(dialect === "postgres")("goes down to the three-column index and comes back up", async () => {
    await down(db() as unknown as Kysely<unknown>);
    expect(await indexes()).toEqual({ observations_indicator_city: ["indicator_code", "city_slug", "period"] });
    await up(db() as unknown as Kysely<unknown>);
    expect(await indexes()).toEqual({ observations_indicator: ["indicator_code"] });
  });
});
