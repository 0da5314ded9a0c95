/**
 * The synthetic practice corpus of bench/practice-search.ts, fixed seed: English-like words from a
 * 20,000-word vocabulary with Zipf frequencies (s = 1) and Chinese text from a 3,000-word Zipf
 * vocabulary; queries of one to three words (one in five Chinese).
 */
import { type PracticeRecord, PracticeRecordSchema, PRACTICE_THEMES } from "../src/domain/practice.js";
import { mulberry32 as rng } from "../src/engines/consensus/prng.js";

const rand = rng(20261128);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Sampler of ranks 0..n-1 with P(rank k) ∝ 1/(k+1)^s. */
function zipf(n: number, s = 1): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1) ** s;
  return () => {
    const u = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const ONSETS = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "ch", "st", "tr", "pl", "gr", "sh"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io"];
const CODAS = ["", "n", "r", "s", "t", "l", "nd", "st", "ng"];
const english = new Set<string>();
while (english.size < 20_000) {
  const syllables = 1 + Math.floor(rand() * 3);
  let w = "";
  for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : "");
  if (w.length >= 3) english.add(w);
}
const EN = [...english];
const HAN = "城市交通公共拥堵收费空气质量绿色能源排放垃圾分类电动汽车自行车道路规划治理环境低碳清洁供热政策试点减少增加改善居民出行地铁公交快速网络建设管理服务市场资金技术创新区域中心步行街区设施项目标准监测数据指标效果成本人口发展经济社会生态保护水资源海绵森林公园湿地河流湖泊农村乡镇工业园区建筑节能光伏风电储能氢燃料排放权交易碳达峰中和";
const CH = [...HAN];
const chinese = new Set<string>();
while (chinese.size < 3_000) {
  const len = 2 + Math.floor(rand() * 3);
  let w = "";
  for (let i = 0; i < len; i++) w += pick(CH);
  chinese.add(w);
}
const ZH = [...chinese];
const enWord = zipf(EN.length);
const zhWord = zipf(ZH.length);
const words = (n: number) => Array.from({ length: n }, () => EN[enWord()]).join(" ");
const hanzi = (n: number) => Array.from({ length: n }, () => ZH[zhWord()]).join("");
const COUNTRIES = ["CN", "DE", "FR", "ES", "IT", "SE", "NL", "DK", "NO", "AT", "PL", "CZ", "GB", "PT", "FI", "BE", "GR", "HU", "IE", "SI"];

export function practice(i: number): PracticeRecord {
  const url = `https://example.org/practice/${i}`;
  const themes = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(PRACTICE_THEMES)))];
  const measured = rand() < 0.7;
  return PracticeRecordSchema.parse({
    id: `p-${i}`,
    title_en: words(6),
    title_zh: hanzi(3),
    city: `City ${i % 5000}`,
    country: pick(COUNTRIES),
    themes,
    summary_en: words(50),
    summary_zh: hanzi(12),
    measures: [words(8), words(8)],
    outcomes: measured ? [{ metric: words(4), value: Math.round(rand() * 100), unit: "%", source_url: url }] : [],
    sources: [{ title: words(5), url, publisher: "Bench", year: 2020 }],
  });
}

export const queries = (Q: number): string[] => Array.from({ length: Q }, () => {
  const n = 1 + Math.floor(rand() * 3);
  return rand() < 0.2 ? Array.from({ length: n }, () => ZH[zhWord()]).join(" ") : Array.from({ length: n }, () => EN[enWord()]).join(" ");
});

