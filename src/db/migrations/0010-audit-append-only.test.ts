import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useTestContext } from "../../../test/support/context.js";
import { DIALECTS } from "../../../test/support/databases.js";
import type { AppContext } from "../../services/context.js";
import { down, up } from "./0010-audit-append-only.js";

describe.each(DIALECTS)("migration 0010 (append-only audit trail) on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  const entry = (n: number) => ({ at: `2026-12-06T08:00:0${n}.000Z`, actor: "admin@example.org", action: "create" as const, entity: "practice", entityId: `p${n}`, before: null, after: { n } });
  const db = () => ctx.database.db;

  it("refuses to change or delete audit rows, whoever asks; appending still works", async () => {
    await ctx.audit.append(entry(1));
    await expect(db().updateTable("audit_log").set({ actor: "someone-else" }).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom("audit_log").where("entity_id", "=", "p1").execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db())).rejects.toThrow(/append-only/);
    if (dialect === "postgres") await expect(sql`truncate audit_log`.execute(db())).rejects.toThrow(/append-only/);
    await ctx.audit.append(entry(2));
    expect((await ctx.audit.list()).map((e) => [e.entityId, e.actor])).toEqual([["p1", "admin@example.org"], ["p2", "admin@example.org"]]);
  });

  it("is lifted only by migrating down, and comes back up", async () => {
    await down(db() as unknown as Kysely<unknown>);
    await db().deleteFrom("audit_log").where("entity_id", "=", "p2").execute();
    await up(db() as unknown as Kysely<unknown>);
    await expect(db().deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    expect((await ctx.audit.list()).map((e) => e.entityId)).toEqual(["p1"]);
  });
});
