import { createInstance, type i18n as I18n } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../api";
import { accountEn, accountZh } from "../../i18n/account";
import { cooperationsEn, cooperationsZh } from "../../i18n/cooperations";
import { en } from "../../i18n/en";
import { historyEn, historyZh } from "../../i18n/history";
import { programmesEn, programmesZh } from "../../i18n/programmes";
import { visionEn, visionZh } from "../../i18n/vision";
import { workEn, workZh } from "../../i18n/work";
import { zh } from "../../i18n/zh";
import { fieldLabel, formatValue, historyDiff, humanise, linkedIds, type HistoryFormat } from "./history-format";

let i18n: I18n;
beforeAll(async () => {
  i18n = createInstance();
  await i18n.init({
    resources: {
      en: { translation: { ...en, programmes: programmesEn, cooperations: cooperationsEn, work: workEn, vision: visionEn, account: accountEn, history: historyEn } },
      zh: { translation: { ...zh, programmes: programmesZh, cooperations: cooperationsZh, work: workZh, vision: visionZh, account: accountZh, history: historyZh } },
    },
    lng: "en",
    fallbackLng: "en",
    interpolation: { escapeValue: false },
  });
});

/** The formatter as a page in `lang` gives it, read in `timeZone`. */
function fmt(lang: Lang, timeZone = "Asia/Shanghai"): HistoryFormat {
  const t = i18n.getFixedT(lang);
  return { lang, timeZone, t: (k, o) => t(k, o ?? {}), exists: (k) => i18n.exists(k, { lng: lang }) };
}

// A programme as POST /programmes stores it (the audit trail's `after` of a create).
const programmeRow = {
  id: "eu-china-twinning-abc123",
  name_en: "EU–China twinning",
  name_zh: "中欧结对",
  description_en: null,
  description_zh: null,
  start_date: "2026-01-01",
  end_date: "2028-12-31",
  themes_json: '["transport","air"]',
  sides_json: '[{"key":"a","name_en":"EU","name_zh":"欧盟","countries":["DE","ES"]},{"key":"b","name_en":"China","name_zh":null,"countries":["CN"]}]',
  funder: null,
  eligibility_json: '{"minPopulation":200000,"requireInventory":true}',
  source_ids_json: "[]",
  version: 1,
  created_by: "admin@example.org",
  created_at: "2026-12-06T07:09:17.796Z",
  updated_at: "2026-12-06T07:09:17.796Z",
};

describe("historyDiff", () => {
  it("labels a created programme's fields in English, leaves out bookkeeping and empty values, formats lists, dates and numbers", () => {
    const rows = historyDiff("programme", null, programmeRow, fmt("en"));
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(rows.map((r) => r.field)).toEqual(["name_en", "name_zh", "start_date", "end_date", "themes_json", "sides_json", "eligibility_json"]);
    expect(byField.name_en).toMatchObject({ label: "Name (English)", before: null, after: "EU–China twinning" });
    expect(byField.name_zh).toMatchObject({ label: "Name (Chinese)", after: "中欧结对" });
    expect(byField.start_date).toMatchObject({ label: "Start date", after: "1 Jan 2026" });
    expect(byField.themes_json).toMatchObject({ label: "Themes", after: "Transport, Air quality" });
    expect(byField.sides_json!.after).toBe("EU (Countries: Germany, Spain); China (Countries: China)");
    expect(byField.eligibility_json).toMatchObject({ label: "Eligibility", after: "Minimum population: 200,000; Emission inventory required: Yes" });
    for (const r of rows) expect(r.label).not.toMatch(/_|json/i);
  });

  it("says the same in 中文: labels, translated themes and country names, Chinese dates", () => {
    const rows = historyDiff("programme", null, programmeRow, fmt("zh"));
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(byField.name_en!.label).toBe("名称（英文）");
    expect(byField.themes_json).toMatchObject({ label: "主题", after: "交通、空气质量" });
    expect(byField.sides_json!.after).toBe("欧盟（国家：德国、西班牙）；China（国家：中国）"); // no Chinese name: the English one
    expect(byField.start_date!.after).toBe("2026年1月1日");
    expect(byField.eligibility_json!.after).toBe("最低人口：200,000；须有排放清单：是");
  });

  it("shows only what an update changed, old → new, with the status translated", () => {
    const before = { id: "c1", programme_id: "p1", name_en: "Chongqing–Málaga", status: "proposed", themes_json: "[]", version: 1, updated_at: "2026-12-06T07:09:17.796Z" };
    const after = { ...before, status: "active", themes_json: '["transport"]', version: 2, updated_at: "2026-12-06T08:00:00.000Z" };
    expect(historyDiff("cooperation", before, after, fmt("en"))).toEqual([
      { field: "status", label: "Status", before: "Proposed", after: "Active" },
      { field: "themes_json", label: "Themes", before: null, after: "Transport" },
    ]);
    expect(historyDiff("cooperation", before, after, fmt("zh"))[0]).toEqual({ field: "status", label: "状态", before: "提议", after: "进行中" });
  });

  it("reports no change when only bookkeeping moved", () => {
    expect(historyDiff("programme", { id: "p", version: 1, updated_at: "a" }, { id: "p", version: 2, updated_at: "b" }, fmt("en"))).toEqual([]);
  });

  it("lists a deleted record's values as before, nothing after", () => {
    expect(historyDiff("kpi", { id: "k", name_en: "Bus share", target_value: 50, target_year: 2028 }, null, fmt("en"))).toEqual([
      { field: "name_en", label: "Name (English)", before: "Bus share", after: null },
      { field: "target_value", label: "Target value", before: "50", after: null },
      { field: "target_year", label: "Target year", before: "2028", after: null },
    ]);
  });
});

describe("formatValue", () => {
  it("shows a timestamp in the reader's time zone and language", () => {
    expect(formatValue("application", "decided_at", "2026-12-06T23:30:00.000Z", fmt("en", "Asia/Shanghai"))).toBe("7 Dec 2026, 07:30");
    expect(formatValue("application", "decided_at", "2026-12-06T23:30:00.000Z", fmt("en", "Europe/Madrid"))).toBe("7 Dec 2026, 00:30");
    expect(formatValue("application", "decided_at", "2026-12-06T23:30:00.000Z", fmt("zh", "Asia/Shanghai"))).toBe("2026年12月7日 07:30");
  });

  it("groups numbers but not years, and reads 0/1 flags as yes/no", () => {
    expect(formatValue("action", "budget", 1234567.5, fmt("en"))).toBe("1,234,567.5");
    expect(formatValue("target", "target_year", 2030, fmt("en"))).toBe("2030");
    expect(formatValue("application", "has_inventory", 1, fmt("en"))).toBe("Yes");
    expect(formatValue("application", "has_inventory", 0, fmt("zh"))).toBe("否");
    expect(formatValue("application", "status", "accepted", fmt("zh"))).toBe("已接受");
  });

  it("keeps an unknown code as it is, empty values and lists as nothing, and shortens long text", () => {
    expect(formatValue("pilot", "status", "someday", fmt("en"))).toBe("someday");
    expect(formatValue("programme", "source_ids_json", "[]", fmt("en"))).toBeNull();
    expect(formatValue("programme", "funder", "", fmt("en"))).toBeNull();
    expect(formatValue("programme", "description_en", "x".repeat(400), fmt("en"))).toHaveLength(300);
    expect(formatValue("programme", "description_en", "[not json", fmt("en"))).toBe("[not json");
  });

  it("names a thing inside a JSON value by its bilingual name", () => {
    const sides = [{ key: "a", names: { en: "EU", zh: "欧盟" }, countries: ["DE"] }];
    expect(formatValue("programme", "sides", sides, fmt("zh"))).toBe("欧盟（国家：德国）");
  });

  it("reads a user's roles with the role names of the account pages", () => {
    expect(formatValue("user-roles", "roles", [{ role: "city_editor", scope: "chongqing-cn" }], fmt("en"))).toBe("Role: City editor; Scope: chongqing-cn");
  });
});

describe("labels", () => {
  it("humanises a field nobody labelled, dropping storage suffixes", () => {
    expect(humanise("source_ids_json")).toBe("Sources");
    expect(humanise("lead_city_id")).toBe("Lead city");
    expect(humanise("followUpDate")).toBe("Follow up date");
    expect(fieldLabel("pilot", "risk_level", fmt("en"))).toBe("Risk level");
  });

  it("prefers a record type's own label", () => {
    expect(fieldLabel("call", "side", fmt("en"))).toBe("For cities of");
    expect(fieldLabel("programme", "sides_json", fmt("en"))).toBe("Sides");
    expect(fieldLabel("programme", "programme_id", fmt("zh"))).toBe("合作项目");
  });
});

describe("links to other records", () => {
  it("knows which fields hold ids of other records, a plain id or a JSON list", () => {
    expect(linkedIds("programme_id", "iuc-asia")).toEqual({ kind: "programme", ids: ["iuc-asia"] });
    expect(linkedIds("owner_city_slug", "chongqing-cn")).toEqual({ kind: "city", ids: ["chongqing-cn"] });
    expect(linkedIds("source_ids_json", '["who-aqg-2021","ember"]')).toEqual({ kind: "source", ids: ["who-aqg-2021", "ember"] });
    expect(linkedIds("cooperation_id", null)).toEqual({ kind: "cooperation", ids: [] });
    expect(linkedIds("themes_json", '["air"]')).toBeNull();
    expect(linkedIds("budget_source", "city budget")).toBeNull();
  });

  it("gives a diff row the ids to show by name, next to the formatted value", () => {
    const rows = historyDiff("call", null, { programme_id: "iuc-asia", deadline: "2026-05-01" }, fmt("en"));
    expect(rows.find((r) => r.field === "programme_id")).toMatchObject({ label: "Programme", link: { kind: "programme", before: [], after: ["iuc-asia"] } });
    expect(rows.find((r) => r.field === "deadline")?.link).toBeUndefined();
  });
});
