import type { IndicatorGap } from "./indicator-gaps.js";

/** What the ranking needs of a practice. */
export interface GapPractice {
  id: string;
  themes: readonly string[];
  measured: boolean;
  outcomes: readonly { indicator: string | null; metric: string }[];
}

/** Why a practice fits a gap: it reported an outcome on the indicator, or it works on the indicator's theme. */
export interface GapReason {
  indicator: string;
  match: "outcome" | "theme";
  /** The outcome's metric, for outcome matches. */
  metric: string | null;
}

export interface GapMatch {
  id: string;
  score: number;
  reasons: GapReason[];
}

/**
 * Ranks practices for a city's gaps. Each gap weighs its ratio; a practice earns the full
 * weight when one of its outcomes relates to the gap's indicator and half when only its themes
 * include the indicator's theme; practices with measured outcomes get 1.5× (as in search).
 *
 * @param gaps from indicatorGaps, worst first
 * @param limit how many practices (default 10)
 * @example practicesForGaps([{ indicator: "air.pm25_annual", theme: "air", ratio: 7.6, … }], practices)
 * //=> [{ id: "beijing-clean-air-action-plan", score: 11.4, reasons: [{ indicator: "air.pm25_annual", match: "outcome", … }] }, …]
 */
export function practicesForGaps(gaps: readonly IndicatorGap[], practices: readonly GapPractice[], limit = 10): GapMatch[] {
  const out: GapMatch[] = [];
  for (const p of practices) {
    let score = 0;
    const reasons: GapReason[] = [];
    for (const g of gaps) {
      const outcome = p.outcomes.find((o) => o.indicator === g.indicator);
      if (outcome) {
        score += g.ratio;
        reasons.push({ indicator: g.indicator, match: "outcome", metric: outcome.metric });
      } else if (p.themes.includes(g.theme)) {
        score += g.ratio / 2;
        reasons.push({ indicator: g.indicator, match: "theme", metric: null });
      }
    }
    if (reasons.length) out.push({ id: p.id, score: Math.round(score * (p.measured ? 1.5 : 1) * 100) / 100, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
