import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { GENERIC_PROBLEM_CODES, ITEM_REASON_CODES, PROBLEM_CODES } from "../../problem-codes";
import { ApiError } from "../api";
import { problemItemText, problemText } from "../problem-text";
import { detectTextLanguage } from "../vision/language";
import { accountEn, accountZh } from "./account";
import { errorsEn, errorsZh } from "./errors";
import { programmesEn, programmesZh } from "./programmes";

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] as string).sort();
const HAN = /\p{Script=Han}/u;

describe("problem code texts", () => {
  // The list comes from the server's one source of truth: a new code without a text fails here.
  const codes = Object.keys(PROBLEM_CODES) as (keyof typeof PROBLEM_CODES)[];

  it.each(codes)("%s has an English and a Chinese text using only its params", (code) => {
    const en = errorsEn[code];
    const zh = errorsZh[code];
    expect(en, `English text of ${code}`).toBeTruthy();
    expect(zh, `Chinese text of ${code}`).toBeTruthy();
    const allowed: readonly string[] = PROBLEM_CODES[code];
    for (const p of placeholders(en)) expect(allowed, `${code} (en) uses {{${p}}}`).toContain(p);
    for (const p of placeholders(zh)) expect(allowed, `${code} (zh) uses {{${p}}}`).toContain(p);
    // A translation, not a copy of the English (apart from a text that is only a param).
    if (code !== "cooperation.transition_refused") expect(zh, `${code} (zh) has Chinese characters`).toMatch(HAN);
  });

  it("has no text for a code the server does not know", () => {
    expect(Object.keys(errorsEn).sort()).toEqual([...codes].sort());
    expect(Object.keys(errorsZh).sort()).toEqual([...codes].sort());
    for (const c of [...GENERIC_PROBLEM_CODES, ...Object.values(ITEM_REASON_CODES)]) expect(codes).toContain(c);
  });
});

describe("messages of API errors in the UI language", () => {
  beforeAll(async () => {
    await i18next.init({ lng: "zh", fallbackLng: "en", resources: { en: { errors: errorsEn }, zh: { errors: errorsZh } }, interpolation: { escapeValue: false } });
  });

  it("renders a code with its params, the English detail only for an unknown code", async () => {
    await i18next.changeLanguage("zh");
    const wrong = new ApiError(401, { status: 401, detail: "the e-mail or the password is wrong", code: "auth.wrong_credentials", params: {} });
    expect(wrong.message).toBe("电子邮箱或密码错误。");
    const rejected = new ApiError(422, { status: 422, detail: "1 problem in the file; nothing was imported", code: "import.nothing_imported", params: { count: 1 } });
    expect(rejected.message).toBe("文件中有 1 个问题；未导入任何数据。");
    expect(problemItemText({ row: 3, column: "value", value: "12,5", message: "is not a number (use …)", code: "import.decimal_comma", params: { row: 3 } })).toBe("不是数字（请用“.”作小数点，不要使用千位分隔符）");
    expect(problemText({ code: "validation.required", params: { field: "names.en" }, detail: "x" }, "x")).toBe("names.en 为必填项。");
    const newer = new ApiError(400, { status: 400, detail: "something new happened", code: "brand.new_code", params: {} });
    expect(newer.message).toBe("something new happened");
    expect(problemItemText({ message: "is odd", code: "brand.new_code" })).toBe("is odd");
    // The message follows a later language switch.
    await i18next.changeLanguage("en");
    expect(wrong.message).toBe("The e-mail or the password is wrong.");
    // Generic codes: the English UI keeps the server's more precise detail, Chinese gets the generic text.
    const generic = new ApiError(409, { status: 409, detail: "inventory x is already final", code: "conflict", params: {} });
    expect(generic.message).toBe("inventory x is already final");
    await i18next.changeLanguage("zh");
    expect(generic.message).toBe("记录当前的状态不允许此操作。");
  });
});

describe("params that are codes, in the UI language", () => {
  beforeAll(async () => {
    await i18next.init({
      lng: "zh", fallbackLng: "en", interpolation: { escapeValue: false },
      resources: {
        en: { errors: errorsEn, translation: { account: accountEn, programmes: programmesEn } },
        zh: { errors: errorsZh, translation: { account: accountZh, programmes: programmesZh } },
      },
    });
  });

  it("names the roles of auth.role_required from its grants, not the server's English", async () => {
    const params = { roles: "city editor of prague-cz; programme manager of iuc-asia", grants: "city_editor:prague-cz;programme_manager:iuc-asia" };
    await i18next.changeLanguage("zh");
    const text = problemText({ code: "auth.role_required", params, detail: "x" }, "x");
    expect(text).toBe("此操作需要以下角色之一：城市编辑（prague-cz）；项目管理员（iuc-asia）。");
    expect(text).not.toMatch(/editor|manager/);
    await i18next.changeLanguage("en");
    expect(problemText({ code: "auth.role_required", params, detail: "x" }, "x")).toBe("This needs one of these roles: City editor (prague-cz); Programme manager (iuc-asia).");
    // An older server without grants: its English roles are kept.
    expect(problemText({ code: "auth.role_required", params: { roles: "city editor of x" }, detail: "x" }, "x")).toBe("This needs one of these roles: city editor of x.");
  });

  it("renders the statuses of a refused screening move and the rarer refusals by their own code", async () => {
    await i18next.changeLanguage("zh");
    expect(problemText({ code: "conflict.screening_move", params: { from: "ineligible", to: "accepted" } }, "x")).toBe("申请不能从“不符合资格”改为“已接受”。");
    expect(problemText({ code: "conflict.inventory_already_final", params: { id: "inv-1" }, detail: "inventory inv-1 is already final" }, "x")).toBe("该清单已经定稿。");
    await i18next.changeLanguage("en");
    // Specific codes are rendered from their own text in English too (not the generic fallback).
    expect(problemText({ code: "conflict.inventory_already_final", params: { id: "inv-1" }, detail: "inventory inv-1 is already final" }, "x")).toBe("This inventory is already final.");
  });
});

describe("params that name a city, an indicator or a cooperation, in the reader's language", () => {
  beforeAll(async () => {
    await i18next.init({ lng: "zh", fallbackLng: "en", resources: { en: { errors: errorsEn }, zh: { errors: errorsZh } }, interpolation: { escapeValue: false } });
  });
  const noValues = {
    city: "chongqing-cn", cityNameEn: "Chongqing", cityNameZh: "重庆市",
    indicator: "air.pm25_annual", indicatorNameEn: "PM2.5, annual mean", indicatorNameZh: "PM2.5年均浓度",
  };

  it("shows the names the server sent beside the slug and the code, not the slug", async () => {
    await i18next.changeLanguage("zh");
    const zh = problemText({ code: "impact.no_yearly_values", params: noValues, detail: "chongqing-cn has no yearly value of air.pm25_annual" }, "x");
    expect(zh).toBe("重庆市 没有 PM2.5年均浓度 的年度数据。");
    expect(zh).not.toMatch(/chongqing-cn|air\.pm25_annual/);
    expect(new ApiError(400, { status: 400, detail: "x", code: "cooperation.city_twice", params: { city: "malaga-es", cityNameEn: "Málaga" } }).message).toMatch(/Málaga/);
    expect(problemText({ code: "impact.not_a_member", params: { city: "zhengzhou-cn", cityNameEn: "Zhengzhou", cityNameZh: "郑州市", cooperation: "iuc-asia-x", cooperationNameEn: "Chongqing–Mannheim", cooperationNameZh: "重庆—曼海姆" } }, "x")).toBe("郑州市 不是合作 重庆—曼海姆 的成员。");
    expect(problemText({ code: "impact.no_pre_period", params: { unit: "chongqing-cn", unitNameEn: "Chongqing", unitNameZh: "重庆市", start: 2005 } }, "x")).toMatch(/^重庆市 在 2005 年之前没有数据/);
    await i18next.changeLanguage("en");
    expect(problemText({ code: "impact.no_yearly_values", params: noValues }, "x")).toBe("Chongqing has no yearly value of PM2.5, annual mean.");
  });

  it("falls back to the English name in Chinese, and to the slug without names (an older server)", async () => {
    await i18next.changeLanguage("zh");
    // Málaga has no Chinese name: the English one, not the slug.
    expect(problemText({ code: "conflict.inventory_exists", params: { city: "malaga-es", cityNameEn: "Málaga", year: 2021, id: "inv-1" } }, "x")).toMatch(/^Málaga /);
    expect(problemText({ code: "impact.no_donor", params: { city: "chongqing-cn", rule: "country" } }, "x")).toMatch(/chongqing-cn/);
    await i18next.changeLanguage("en");
    expect(problemText({ code: "air.station_other_city", params: { station: "st-1", city: "prague-cz" } }, "x")).toMatch(/\(prague-cz\)/);
  });
});

describe("the language of a statement's text", () => {
  it("is Chinese with Han characters, English with Latin letters only, else the UI language", () => {
    expect(detectTextLanguage("沿江多种树，增加遮荫", "en")).toBe("zh");
    expect(detectTextLanguage("More trees along the river", "zh")).toBe("en");
    expect(detectTextLanguage("PM2.5 降低 30%", "en")).toBe("zh");
    expect(detectTextLanguage("2035!", "zh")).toBe("zh");
    expect(detectTextLanguage("", "en")).toBe("en");
  });
});
