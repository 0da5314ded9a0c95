import type { TFunction } from "i18next";
import type { Lang } from "../../api";
import { formatNumber } from "../../lang";
import type { Reason } from "../../matching/api";
import { unitName } from "../../units";

/** A reason worded in the chosen language from its figures (the API's `detail` is English only). */
export function reasonText(r: Reason, t: TFunction, lang: Lang, indicatorName: (code: string) => string): string {
  const f = r.facts;
  const n = (x: number | undefined) => formatNumber(x ?? null, lang);
  const indicator = f.indicator ? indicatorName(f.indicator) : "";
  const theme = f.theme ? t(`practices.themes.${f.theme}`, { defaultValue: f.theme }) : "";
  switch (r.factor) {
    case "strength":
      return t("matching.reason.strength", { indicator, counterpart: n(f.counterpart), city: n(f.city), unit: unitName(f.unit ?? "", lang), period: f.period ?? "", pct: Math.round((f.betterThan ?? 0) * 100) });
    case "improving":
      return t("matching.reason.improving", { indicator, trend: formatNumber(Math.round((f.trend ?? 0) * 1000) / 10, lang) });
    case "practices":
      return f.measured ? t("matching.reason.practiceMeasured", { indicator }) : t("matching.reason.practiceTheme", { theme });
    case "population":
      return t("matching.reason.population", { counterpart: n(f.counterpart), city: n(f.city) });
    case "density":
      return t("matching.reason.density", { counterpart: n(f.counterpart), city: n(f.city) });
    case "income":
      return t("matching.reason.income", { counterpart: n(f.counterpart), city: n(f.city) });
    case "climate":
      return t("matching.reason.climate", { counterpart: n(f.counterpart), city: n(f.city) });
    case "climate-work":
      return t("matching.reason.climateWork", { counterpart: n(f.counterpart), city: n(f.city) });
    case "interest":
      if (f.shared === null || f.shared === undefined) return t("matching.reason.undeclared");
      return f.shared.length
        ? t("matching.reason.shared", { themes: f.shared.map((x) => t(`practices.themes.${x}`, { defaultValue: x })).join(lang === "zh" ? "、" : ", ") })
        : t("matching.reason.sharedNone");
    default:
      return r.detail;
  }
}

/** One colour per factor, shared by the stacked share bar and its legend (a word always goes with it). */
export const FACTOR_COLORS: Record<string, string> = {
  strength: "#0b5394", improving: "#3d85c6", practices: "#6fa8dc", population: "#38761d", density: "#6aa84f",
  income: "#93c47d", climate: "#b45f06", "climate-work": "#e69138", interest: "#741b47",
};

/** Confidence as a word: high ≥ 0.7, medium ≥ 0.4, low below. */
export function confidenceLevel(c: number): "high" | "medium" | "low" {
  return c >= 0.7 ? "high" : c >= 0.4 ? "medium" : "low";
}
