import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/support/app.js";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { createUser } from "../services/accounts.js";
import { PROBLEM_CODES } from "../problem-codes.js";

const programme = {
  names: { en: "Urban climate twins", zh: "城市气候结对" },
  startDate: "2026-01-01",
  sides: [
    { key: "a", names: { en: "EU", zh: "欧盟" }, countries: ["DE", "ES", "CZ"] },
    { key: "b", names: { en: "China", zh: "中国" }, countries: ["CN"] },
  ],
};

/** Problem+json bodies carry a stable code and the values of their message, next to the English detail. */
describe.each(DIALECTS)("problem codes and params on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(
    dialect,
    async (c) => {
      await loadFixture(c);
      await createUser(c, { email: "officer@example.org", name: "Officer", password: "correct horse battery" });
    },
    (s) => ({ app } = s),
  );

  const expectProblem = (r: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number) => {
    expect(r.statusCode).toBe(status);
    expect(r.headers["content-type"]).toContain("application/problem+json");
    const body = r.json() as { code: string; params: Record<string, unknown>; detail: string; title: string };
    expect(Object.keys(PROBLEM_CODES)).toContain(body.code);
    expect(typeof body.detail).toBe("string");
    return body;
  };

  it("a wrong password: auth.wrong_credentials, English detail kept", async () => {
    const r = await app.inject({ method: "POST", url: "/api/v1/auth/sign-in", headers: { authorization: "" }, payload: { email: "officer@example.org", password: "not the password" } });
    const body = expectProblem(r, 401);
    expect(body).toMatchObject({ code: "auth.wrong_credentials", params: {}, title: "Unauthorized" });
    expect(body.detail).toMatch(/e-mail or the password is wrong/);
    // Signed out, a write needs a sign-in.
    const anon = await app.inject({ method: "POST", url: "/api/v1/programmes", headers: { authorization: "" }, payload: programme });
    expect(expectProblem(anon, 401)).toMatchObject({ code: "auth.sign_in_required", params: {} });
  });

  it("an import with a bad number: import.nothing_imported with the count, each row its own code and params", async () => {
    const csv = ["city,indicator,period,value,source", "chongqing-cn,air.pm25_annual,2023,31.5,who-aqg-2021", "chongqing-cn,air.pm25_annual,2022,\"12,5\",who-aqg-2021", "atlantis-xx,air.pm25_annual,2022,abc,who-aqg-2021"].join("\n");
    const r = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "text/csv" }, payload: csv });
    const body = expectProblem(r, 422) as ReturnType<typeof expectProblem> & { errors: unknown[]; totalErrors: number };
    expect(body).toMatchObject({ code: "import.nothing_imported", params: { count: 3 }, totalErrors: 3 });
    expect(body.detail).toBe("3 problems in the file; nothing was imported");
    expect(body.errors).toEqual([
      { row: 3, column: "value", value: "12,5", message: 'is not a number (use "." as decimal separator and no thousands separators)', code: "import.decimal_comma", params: { row: 3, column: "value", field: "value", value: "12,5" } },
      expect.objectContaining({ row: 4, column: "city", value: "atlantis-xx", code: "import.unknown_city", params: { row: 4, column: "city", field: "city", value: "atlantis-xx" } }),
      expect.objectContaining({ row: 4, column: "value", value: "abc", code: "import.not_a_number", params: { row: 4, column: "value", field: "value", value: "abc" } }),
    ]);
    const empty = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "text/csv" }, payload: "city,indicator,period,value,source,colour\n" });
    const header = expectProblem(empty, 422) as ReturnType<typeof expectProblem> & { errors: { code: string; params: Record<string, unknown> }[] };
    expect(header.code).toBe("import.header_unusable");
    expect(header.errors[0]).toMatchObject({ column: "colour", code: "import.unknown_column", params: { row: 1, column: "colour" } });
  });

  it("an unknown city: 404 not_found.city with its slug", async () => {
    const r = await app.inject({ method: "GET", url: "/api/v1/cities/atlantis-xx" });
    expect(expectProblem(r, 404)).toMatchObject({ code: "not_found.city", params: { id: "atlantis-xx" }, detail: 'no city with slug "atlantis-xx"' });
    const route = await app.inject({ method: "GET", url: "/api/v1/no-such-thing" });
    expect(expectProblem(route, 404)).toMatchObject({ code: "not_found.route", params: { method: "GET", path: "/api/v1/no-such-thing" } });
  });

  it("a validation 400: validation.* with the field name, for the whole problem and each field", async () => {
    const missing = await app.inject({ method: "POST", url: "/api/v1/programmes", payload: { ...programme, names: { zh: "只有中文" } } });
    const body = expectProblem(missing, 400) as ReturnType<typeof expectProblem> & { errors: { path: string; code: string; params: Record<string, unknown> }[] };
    expect(body).toMatchObject({ code: "validation.required", params: { field: "names.en" } });
    expect(body.errors[0]).toMatchObject({ path: "names.en", code: "validation.required", params: { field: "names.en" } });
    const enumBad = await app.inject({ method: "GET", url: "/api/v1/observations/export?format=xml" });
    expect(expectProblem(enumBad, 400)).toMatchObject({ code: "validation.invalid_value", params: { field: "format" } });
    const json = await app.inject({ method: "POST", url: "/api/v1/programmes", headers: { "content-type": "application/json" }, payload: "{not json" });
    expect(expectProblem(json, 400)).toMatchObject({ code: "request.invalid_json" });
  });

  it("a stale version: 409 conflict.stale_version, with the current record", async () => {
    const p = await app.inject({ method: "POST", url: "/api/v1/programmes", payload: programme });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().id as string;
    expect((await app.inject({ method: "PATCH", url: `/api/v1/programmes/${id}`, payload: { funder: "EU", version: 1 } })).statusCode).toBe(200);
    const stale = await app.inject({ method: "PATCH", url: `/api/v1/programmes/${id}`, payload: { funder: "EC", version: 1 } });
    const body = expectProblem(stale, 409) as ReturnType<typeof expectProblem> & { current: { version: number } };
    expect(body).toMatchObject({ code: "conflict.stale_version", params: {} });
    expect(body.current.version).toBe(2);
  });

  it("the rarer refusals carry their own code, not a generic one", async () => {
    // An inventory: twice for the same year; finalised while its basic sectors are not reported.
    const create = () => app.inject({ method: "POST", url: "/api/v1/cities/malaga-es/inventories", payload: { year: 2021 } });
    const created = await create();
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().inventory.id as string;
    const twiceInv = expectProblem(await create(), 409);
    expect(twiceInv).toMatchObject({ code: "conflict.inventory_exists", params: { city: "malaga-es", cityNameEn: "Málaga", year: 2021, id } });
    expect(twiceInv.detail).toBe(`malaga-es already has an inventory for 2021 (id ${id})`);
    const fin = expectProblem(await app.inject({ method: "POST", url: `/api/v1/inventories/${id}/finalise`, payload: { version: 1 } }), 400) as ReturnType<typeof expectProblem> & { totalErrors: number };
    expect(fin).toMatchObject({ code: "inventory.cannot_finalise", params: { count: fin.totalErrors } });
    expect(fin.totalErrors).toBeGreaterThan(0);
    // A programme whose end comes before its start, and a cooperation listing a city twice.
    const dates = await app.inject({ method: "POST", url: "/api/v1/programmes", payload: { ...programme, endDate: "2025-01-01" } });
    expect(expectProblem(dates, 400)).toMatchObject({ code: "dates.end_before_start", params: { start: "2026-01-01", end: "2025-01-01" } });
    const p = (await app.inject({ method: "POST", url: "/api/v1/programmes", payload: programme })).json().id as string;
    const twice = await app.inject({ method: "POST", url: "/api/v1/cooperations", payload: { programmeId: p, names: { en: "Twice" }, members: [{ slug: "chongqing-cn", role: "lead" }, { slug: "chongqing-cn", role: "partner" }] } });
    // The slug and, beside it, the city's names: a client says 重庆 in Chinese, not "chongqing-cn".
    const chongqing = (await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn" })).json() as { names: { en: string; zh: string } };
    expect(chongqing.names.zh).toMatch(/\p{Script=Han}/u);
    expect(expectProblem(twice, 400)).toMatchObject({ code: "cooperation.city_twice", params: { city: "chongqing-cn", cityNameEn: chongqing.names.en, cityNameZh: chongqing.names.zh } });
  });

  it("a missing role: auth.role_required names the grants as role:scope, beside the English roles", async () => {
    const p = (await app.inject({ method: "POST", url: "/api/v1/programmes", payload: programme })).json().id as string;
    const signIn = await app.inject({ method: "POST", url: "/api/v1/auth/sign-in", headers: { authorization: "" }, payload: { email: "officer@example.org", password: "correct horse battery" } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookie = signIn.headers["set-cookie"];
    const csrf = signIn.json().csrfToken as string;
    const r = await app.inject({
      method: "PATCH", url: `/api/v1/programmes/${p}`, payload: { funder: "EU", version: 1 },
      headers: { authorization: "", cookie: (Array.isArray(cookie) ? cookie : [String(cookie)]).map((c) => c.split(";")[0]).join("; "), "x-csrf-token": csrf },
    });
    const body = expectProblem(r, 403);
    expect(body).toMatchObject({ code: "auth.role_required", params: { grants: `programme_manager:${p}`, roles: `programme manager of ${p}` } });
  });

  it("documents code and params in the OpenAPI problem schema", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { components: { schemas: { Problem: { properties: Record<string, { enum?: string[] }>; required: string[] } } } };
    const schema = doc.components.schemas.Problem;
    expect(schema.required).toEqual(expect.arrayContaining(["code", "params", "status", "title"]));
    expect(schema.properties.code?.enum).toEqual(Object.keys(PROBLEM_CODES));
    expect(schema.properties.params).toBeDefined();
  });

  it("a vision statement without a language is tagged by its script", async () => {
    const district = (await app.inject({ method: "POST", url: "/api/v1/cities/chongqing-cn/districts", payload: { names: { en: "Jiefangbei", zh: "解放碑" } } })).json();
    const pid = (await app.inject({ method: "POST", url: `/api/v1/districts/${district.id}/processes`, payload: { question: { en: "Jiefangbei in 2035?", zh: "2035年的解放碑？" }, startsOn: "2026-03-01" } })).json().id as string;
    const token = (await app.inject({ method: "POST", url: `/api/v1/vision-processes/${pid}/participants`, payload: { name: "Li", group: "residents" } })).json().token as string;
    const say = (text: string, language?: string) => app.inject({ method: "POST", url: `/api/v1/vision-processes/${pid}/statements`, payload: { token, text, aspect: "physical", kind: "wish", ...(language ? { language } : {}) } });
    const zh = await say("沿江多种树，增加遮荫");
    expect(zh.statusCode, zh.body).toBe(201);
    expect(zh.json().language).toBe("zh");
    expect((await say("More shade trees along the river")).json().language).toBe("en");
    // A language given is kept.
    expect((await say("Shade 树", "en")).json().language).toBe("en");
  });
});
