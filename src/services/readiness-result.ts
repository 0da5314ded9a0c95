import { type Assessment, GAP_KEYWORDS, GAP_MAX_SCORE, PREREQUISITES, type Prerequisite, type ReadinessDimension } from "../domain/readiness.js";
import type { AppContext } from "./context.js";
import { searchPractices } from "./search-practices.js";

export interface ReadinessResult {
  /** One axis per prerequisite, 0–4 (null: not yet scored), in the domain's order. */
  radar: { prerequisite: Prerequisite; dimension: ReadinessDimension; score: number | null }[];
  /** Mean score per dimension over the scored prerequisites (null if none scored). */
  dimensions: { dimension: ReadinessDimension; mean: number | null; scored: number }[];
  /** Prerequisites scored 2 or less, lowest first. */
  gaps: { prerequisite: Prerequisite; dimension: ReadinessDimension; score: number; evidence: string | null; keywords: string[]; practices: { id: string; title: { en: string | null; zh: string | null }; city: string; matched: string[] }[] }[];
  unscored: Prerequisite[];
}

const dimensionOf = (p: Prerequisite) => (Object.keys(PREREQUISITES) as ReadinessDimension[]).find((d) => (PREREQUISITES[d] as readonly string[]).includes(p)) as ReadinessDimension;

/** Practices that addressed a similar gap: the library searched with each mapped keyword; more keywords matched ranks first. */
async function practicesFor(ctx: AppContext, keywords: string[], limit: number): Promise<ReadinessResult["gaps"][number]["practices"]> {
  const hits = new Map<string, { id: string; title: { en: string | null; zh: string | null }; city: string; matched: string[]; score: number }>();
  for (const k of keywords) {
    const r = await searchPractices(ctx, { q: k, limit: 10 });
    for (const h of r.results) {
      const e = hits.get(h.id) ?? { id: h.id, title: { en: h.title.en, zh: h.title.zh }, city: h.city, matched: [], score: 0 };
      e.matched.push(k);
      e.score += h.score;
      hits.set(h.id, e);
    }
  }
  return [...hits.values()]
    .sort((a, b) => b.matched.length - a.matched.length || b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ score: _s, ...rest }) => rest);
}

/** Radar data, gaps (score ≤ 2) and practice suggestions for an assessment. */
export async function readinessResult(ctx: AppContext, a: Assessment, suggestionsPerGap = 3): Promise<ReadinessResult> {
  const all = Object.values(PREREQUISITES).flat() as Prerequisite[];
  const radar = all.map((p) => ({ prerequisite: p, dimension: dimensionOf(p), score: a.scores[p]?.score ?? null }));
  const dimensions = (Object.keys(PREREQUISITES) as ReadinessDimension[]).map((d) => {
    const s = radar.filter((r) => r.dimension === d && r.score !== null).map((r) => r.score as number);
    return { dimension: d, mean: s.length ? s.reduce((x, y) => x + y, 0) / s.length : null, scored: s.length };
  });
  const gapAxes = radar.filter((r) => r.score !== null && r.score <= GAP_MAX_SCORE).sort((x, y) => (x.score as number) - (y.score as number) || all.indexOf(x.prerequisite) - all.indexOf(y.prerequisite));
  const gaps = [];
  for (const g of gapAxes) {
    const keywords = GAP_KEYWORDS[g.prerequisite];
    gaps.push({ prerequisite: g.prerequisite, dimension: g.dimension, score: g.score as number, evidence: a.scores[g.prerequisite]?.evidence ?? null, keywords, practices: await practicesFor(ctx, keywords, suggestionsPerGap) });
  }
  return { radar, dimensions, gaps, unscored: radar.filter((r) => r.score === null).map((r) => r.prerequisite) };
}
