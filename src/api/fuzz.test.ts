import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/support/app.js";
import { loadFixture } from "../../test/support/fixture.js";
import type { AppContext } from "../services/context.js";
import { WRITE_POLICY } from "./write-policy.js";

/**
 * Every route of the OpenAPI document gets thousands of malformed parameters and bodies: the
 * answer is always below 500 (errors as problem+json), the server stays up, and a refused request
 * changes nothing in the database.
 */
const TABLES = ["cities", "observations", "sources", "inventories", "targets", "climate_actions", "emission_factors", "practices", "programmes", "calls", "applications", "cooperations", "cooperation_members", "actions", "kpis", "kpi_values", "activities", "outputs", "pilots", "organisations", "commitments", "users", "api_tokens", "role_grants"] as const;

async function counts(ctx: AppContext): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const db = ctx.database.db as unknown as { selectFrom: (t: string) => { select: (f: unknown) => { executeTakeFirstOrThrow: () => Promise<{ n: number | string }> } } };
  for (const t of TABLES) {
    const r = await db.selectFrom(t).select((eb: { fn: { countAll: () => { as: (a: string) => unknown } } }) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.integer().map(String),
  fc.constantFrom("", "-1", "0", "1e309", "NaN", "%", "%00", "重庆", "null", "[]", "{}", "../../etc/passwd", "' or 1=1 --", "<script>", "chongqing-cn", "iuc-asia"),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom("id", "names", "name", "email", "password", "version", "city", "slug", "status", "to", "date", "value", "members", "programmeId", "themes", "role", "scope", "title", "startDate", "endDate"), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
);

interface Operation { method: string; path: string }

async function operations(app: FastifyInstance): Promise<Operation[]> {
  const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
}

const fill = (path: string, seg: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(seg));

describe("every API route against malformed input", () => {
  let app: FastifyInstance;
  let ctx: AppContext;
  useTestApp("sqlite", (c) => loadFixture(c), (s) => ({ app, ctx } = s));

  it("answers malformed path parameters, queries and bodies below 500 with problem+json, and a refused request writes nothing", async () => {
    const ops = (await operations(app)).filter((o) => !o.path.startsWith("/api/v1/auth/sign-"));
    expect(ops.length).toBeGreaterThan(40);
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), junk, fc.dictionary(junk, junk, { maxKeys: 4 }), body, async (op, seg, query, payload) => {
        const before = await counts(ctx);
        const r = await app.inject({ method: op.method as "GET", url: fill(op.path, seg), query, ...(op.method === "GET" || op.method === "DELETE" ? {} : { payload: payload as object }) });
        requests++;
        expect(r.statusCode, `${op.method} ${op.path}: ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode >= 400) {
          expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
          expect(r.body).not.toMatch(/at .+\.(ts|js):\d+|SQLITE_|syntax error|relation "/);
          expect(await counts(ctx)).toEqual(before);
        }
      }),
      { numRuns: 2500, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH } : {}) },
    );
    expect(requests).toBeGreaterThanOrEqual(process.env.FUZZ_PATH ? 1 : 2500);
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
  }, 600_000);

  it("answers every write without a session or token with 401 and writes nothing", async () => {
    const before = await counts(ctx);
    const writes = app.writeRoutes.filter((k) => WRITE_POLICY[k]?.access !== "public");
    for (const key of writes) {
      const [method, path] = key.split(" ") as [string, string];
      const r = await app.inject({ method: method as "POST", url: path.replace(/:[A-Za-z]+/g, "x"), headers: { authorization: "" }, payload: {}, remoteAddress: "198.51.100.7" });
      expect(r.statusCode, key).toBe(401);
    }
    expect(await counts(ctx)).toEqual(before);
  });
});
