import type { Lang } from "./api";

/** UN geoscheme subregions (as the API names them) in Chinese; English is the API's own wording. */
const ZH: Record<string, string> = {
  "Eastern Asia": "东亚", "South-Eastern Asia": "东南亚", "Southern Asia": "南亚", "Central Asia": "中亚", "Western Asia": "西亚",
  "Eastern Europe": "东欧", "Northern Europe": "北欧", "Southern Europe": "南欧", "Western Europe": "西欧", "Central Europe": "中欧",
  "Northern Africa": "北非", "Western Africa": "西非", "Eastern Africa": "东非", "Middle Africa": "中非", "Southern Africa": "南部非洲",
  "North America": "北美洲", "Northern America": "北美", "Central America": "中美洲", "Caribbean": "加勒比地区", "South America": "南美洲",
  "Australia and New Zealand": "澳大利亚和新西兰", "Melanesia": "美拉尼西亚", "Micronesia": "密克罗尼西亚", "Polynesia": "波利尼西亚",
  "Antarctica": "南极洲",
};

export function regionName(region: string | null, lang: Lang): string | null {
  if (!region) return null;
  return lang === "zh" ? ZH[region] ?? region : region;
}
