import type { Lang } from "./api";

/**
 * Units in Chinese. Symbols (µg/m³, kWh, tCO2e, km²) are the same in both languages; the words
 * around them are translated. A unit not listed is shown as it is.
 */
const WORDS_ZH: readonly [RegExp, string][] = [
  [/^cars\/1,000 people$/, "辆/千人"],
  [/^% of fleet$/, "% 车队"],
  [/^min$/, "分钟"],
  [/^minutes$/, "分钟"],
  [/^persons$/, "人"],
  [/^people$/, "人"],
  [/^inhabitants$/, "居民"],
  [/^% increase$/, "% 增长"],
  [/^% reduction$/, "% 降幅"],
  [/^% lower$/, "% 降低"],
  [/^% of days$/, "% 天数"],
  [/^% of votes$/, "% 选票"],
  [/^GWh\/year$/, "GWh/年"],
  [/^apartments$/, "套住房"],
  [/^applicants$/, "申请人"],
  [/^bicycles$/, "辆自行车"],
  [/^billion EUR\/year$/, "十亿欧元/年"],
  [/^buses$/, "辆公交车"],
  [/^buses\/hour\/direction$/, "辆公交车/小时/单向"],
  [/^charging stations$/, "个充电站"],
  [/^dB reduction$/, "dB 降幅"],
  [/^days$/, "天"],
  [/^deaths$/, "例死亡"],
  [/^deaths\/year$/, "例死亡/年"],
  [/^ha$/, "公顷"],
  [/^households$/, "户"],
  [/^kWh\/m²\/year$/, "kWh/m²/年"],
  [/^km$/, "公里"],
  [/^km²$/, "平方公里"],
  [/^million households$/, "百万户"],
  [/^million t$/, "百万吨"],
  [/^million t CO2\/year$/, "百万吨 CO2/年"],
  [/^m²\/inhabitant$/, "平方米/居民"],
  [/^m²\/person$/, "平方米/人"],
  [/^passenger-hours$/, "乘客小时"],
  [/^passengers\/day$/, "人次/日"],
  [/^passengers\/hour\/direction$/, "人次/小时/单向"],
  [/^passes$/, "张年票"],
  [/^rank$/, "名次"],
  [/^ratio$/, "比值"],
  [/^spaces$/, "个车位"],
  [/^stations$/, "个站点"],
  [/^t$/, "吨"],
  [/^t CO2$/, "吨 CO2"],
  [/^t CO2\/vehicle\/year$/, "吨 CO2/车/年"],
  [/^t\/day$/, "吨/日"],
  [/^trips$/, "次出行"],
  [/^trips\/day$/, "次出行/日"],
  [/^vehicles$/, "辆"],
  [/^vehicles\/year$/, "辆/年"],
  [/^visitors$/, "人次游客"],
  [/^intersections\/km²$/, "个交叉口/平方公里"],
  [/^(.+)\/person$/, "$1/人"],
];

/** "tCO2/person" → "tCO2/人", "intersections/km²" → "个交叉口/平方公里" in Chinese; as is in English. */
export function unitName(unit: string, lang: Lang): string {
  if (lang !== "zh") return unit;
  for (const [pattern, zh] of WORDS_ZH) if (pattern.test(unit)) return unit.replace(pattern, zh);
  return unit;
}
