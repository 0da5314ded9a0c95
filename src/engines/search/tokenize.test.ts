import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { describe, expect, it } from "vitest";
import { queryTerms, tokenize } from "./tokenize.js";

const jieba = Jieba.withDict(dict);
const segment = (s: string) => jieba.cutForSearch(s, true);

describe("tokenize", () => {
  it("case-folds and accent-folds English and other Latin text", () => {
    expect(tokenize("Málaga's CONGESTION Charge, Straße", segment)).toEqual(["malaga", "s", "congestion", "charge", "strasse"]);
  });

  it("splits on punctuation the way FTS5 unicode61 does", () => {
    expect(tokenize("PM2.5 fell 20-25% (2006)", segment)).toEqual(["pm2", "5", "fell", "20", "25", "2006"]);
  });

  it("segments Chinese into words with jieba, not single characters", () => {
    expect(tokenize("拥堵收费", segment)).toEqual(["拥堵", "收费"]);
  });

  it("adds the parts of compound words in search mode, so 公共 and 交通 also find 公共交通", () => {
    expect(tokenize("公共交通", segment)).toEqual(["公共", "交通", "公共交通"]);
  });

  it("drops Chinese punctuation and folds full-width digits", () => {
    expect(tokenize("拥堵税（２００６年）", segment)).toEqual(["拥堵", "税", "2006", "年"]);
  });

  it("tokenizes mixed text in order of appearance", () => {
    expect(tokenize("Stockholm 斯德哥尔摩拥堵税 congestion", segment)).toEqual(["stockholm", "斯德哥尔摩", "拥堵", "税", "congestion"]);
  });

  it("returns nothing for empty or punctuation-only text", () => {
    expect(tokenize("", segment)).toEqual([]);
    expect(tokenize(" — ，。", segment)).toEqual([]);
  });
});

describe("queryTerms", () => {
  it("keeps each term once, in order", () => {
    expect(queryTerms("Congestion congestion 拥堵 CONGESTION", segment)).toEqual(["congestion", "拥堵"]);
  });

  it("gives the same terms for a query as for a document with the same words", () => {
    const doc = tokenize("Public transport 公共交通 ridership", segment);
    for (const t of queryTerms("公共交通 public", segment)) expect(doc).toContain(t);
  });
});
