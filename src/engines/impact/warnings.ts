/** Why an evaluation's answer is weak, in plain words (English and Chinese), with a stable code. */

export type ImpactWarningCode = "poor_pre_fit" | "few_pre_years" | "interpolated_fit" | "few_post_years" | "few_donors" | "outside_donor_range";

export interface ImpactWarning {
  code: ImpactWarningCode;
  en: string;
  zh: string;
}

/** Pre-period RMSPE above this share of the treated unit's mean level counts as a poor fit. */
export const POOR_FIT_SHARE = 0.05;
export const MIN_POST_YEARS = 3;
/** Fewer pre-period years than this: any mix of many donors fits them, so a good fit proves little. */
export const MIN_PRE_YEARS = 5;
export const MIN_DONORS = 10;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function poorPreFit(preRmspe: number, level: number): ImpactWarning {
  const share = level > 0 ? preRmspe / level : Infinity;
  const s = Number.isFinite(share) ? `${(share * 100).toFixed(2)} %` : "—";
  return {
    code: "poor_pre_fit",
    en: `The synthetic control does not track the treated unit before the start: the pre-period error (RMSPE ${preRmspe.toPrecision(3)}) is ${s} of its mean level (more than ${pct(POOR_FIT_SHARE)}), so the post-period gap is not a reliable estimate of the effect.`,
    zh: `合成控制在起始年之前未能贴合处理单元：事前误差（RMSPE ${preRmspe.toPrecision(3)}）为其平均水平的 ${s}（超过 ${pct(POOR_FIT_SHARE)}），因此事后差距不能可靠地估计效果。`,
  };
}

export function fewPreYears(years: number, donors: number): ImpactWarning {
  return {
    code: "few_pre_years",
    en: `Only ${years} year(s) before the start (fewer than ${MIN_PRE_YEARS}) to fit ${donors} donor weights: a close pre-period fit is easy to get by chance and says little about how the city would have gone on without the cooperation.`,
    zh: `起始年之前只有 ${years} 年数据（少于 ${MIN_PRE_YEARS} 年），却要拟合 ${donors} 个对照权重：事前拟合很容易偶然贴合，难以说明没有合作时城市会如何变化。`,
  };
}

export function interpolatedFit(years: number, weights: number): ImpactWarning {
  return {
    code: "interpolated_fit",
    en: `The fit before the start is exact, but ${weights} donors share the weight over only ${years} pre-period years: with about as many weights as years almost any series can be matched, so the exact fit says little about how good the synthetic control is.`,
    zh: `开始前的拟合完全吻合，但 ${weights} 个对照城市分担权重，而事前只有 ${years} 年：权重数与年数相当时几乎任何序列都能被拟合，因此这种完全吻合难以说明合成控制的质量。`,
  };
}

export function fewPostYears(years: number): ImpactWarning {
  return {
    code: "few_post_years",
    en: `Only ${years} year(s) after the start (fewer than ${MIN_POST_YEARS}): too early to tell an effect from year-to-year noise.`,
    zh: `起始年之后只有 ${years} 年数据（少于 ${MIN_POST_YEARS} 年）：还无法把效果与年度波动区分开。`,
  };
}

export function fewDonors(donors: number): ImpactWarning {
  return {
    code: "few_donors",
    en: `Only ${donors} comparison unit(s) in the donor pool (fewer than ${MIN_DONORS}): the synthetic control has little to choose from and the smallest possible placebo p-value is 1/${donors + 1}.`,
    zh: `对照池中只有 ${donors} 个比较单元（少于 ${MIN_DONORS} 个）：合成控制可选范围很小，安慰剂检验的最小 p 值为 1/${donors + 1}。`,
  };
}

export function outsideDonorRange(years: number, of: number, above: boolean): ImpactWarning {
  return {
    code: "outside_donor_range",
    en: `In ${years} of ${of} pre-period years the treated unit lies ${above ? "above the highest" : "below the lowest"} donor, so no weighted average of donors can match it there; the fit and the gap are biased.`,
    zh: `在 ${of} 个事前年份中有 ${years} 年，处理单元${above ? "高于最高" : "低于最低"}的对照单元，任何对照加权平均都无法与之匹配；拟合和差距存在偏差。`,
  };
}
