import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults to ./citybridge.db on 127.0.0.1:8080", () => {
    expect(loadConfig({}, {})).toMatchObject({ databaseUrl: null, sqlitePath: "./citybridge.db", port: 8080, host: "127.0.0.1" });
  });
  it("uses PostgreSQL when DATABASE_URL is set, unless --db names a file", () => {
    const env = { DATABASE_URL: "postgres://u:p@localhost:5432/cb" };
    expect(loadConfig({}, env).databaseUrl).toBe("postgres://u:p@localhost:5432/cb");
    expect(loadConfig({ db: "x.db" }, env)).toMatchObject({ databaseUrl: null, sqlitePath: "x.db" });
  });
  it("lets flags win over CITYBRIDGE_DB and treats empty variables as unset", () => {
    expect(loadConfig({}, { CITYBRIDGE_DB: "/data/c.db" }).sqlitePath).toBe("/data/c.db");
    expect(loadConfig({ db: "a.db" }, { CITYBRIDGE_DB: "/data/c.db" }).sqlitePath).toBe("a.db");
    expect(loadConfig({}, { CITYBRIDGE_DB: "", DATABASE_URL: "" })).toMatchObject({ databaseUrl: null, sqlitePath: "./citybridge.db" });
  });
  it("names the variable that is invalid", () => {
    expect(() => loadConfig({}, { CITYBRIDGE_PORT: "eighty" })).toThrow(/CITYBRIDGE_PORT/);
  });
  it("trusts no proxy by default; --trust-proxy and CITYBRIDGE_TRUST_PROXY name which", () => {
    expect(loadConfig({}, {}).trustProxy).toBe(false);
    expect(loadConfig({ trustProxy: true }, {}).trustProxy).toBe(true);
    expect(loadConfig({}, { CITYBRIDGE_TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({}, { CITYBRIDGE_TRUST_PROXY: "off" }).trustProxy).toBe(false);
    expect(loadConfig({}, { CITYBRIDGE_TRUST_PROXY: "10.0.0.0/8, loopback,::1" }).trustProxy).toEqual(["10.0.0.0/8", "loopback", "::1"]);
    expect(loadConfig({ trustProxy: "172.18.0.2" }, { CITYBRIDGE_TRUST_PROXY: "true" }).trustProxy).toEqual(["172.18.0.2"]);
    expect(() => loadConfig({}, { CITYBRIDGE_TRUST_PROXY: "caddy" })).toThrow(/CITYBRIDGE_TRUST_PROXY: "caddy"/);
    expect(() => loadConfig({ trustProxy: "10.0.0.0/33" }, {})).toThrow(/--trust-proxy/);
  });
});
