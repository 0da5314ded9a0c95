import type { Coverage } from "../db/index.js";
import type { Indicator } from "../domain/indicator.js";
import { THEMES, type Theme } from "../domain/indicator.js";
import type { AppContext } from "./context.js";

export interface IndicatorWithCoverage extends Indicator {
  coverage: Coverage;
}

export interface CatalogueCoverage {
  items: IndicatorWithCoverage[];
  /** Per theme: cities with at least one value of any of its indicators. */
  themes: ({ theme: Theme } & Coverage)[];
}

const NONE: Coverage = { cities: 0, observations: 0, first: null, last: null };

/** The indicator catalogue with how many cities have data on each indicator and each theme. */
export async function catalogueCoverage(ctx: AppContext): Promise<CatalogueCoverage> {
  const [list, byIndicator, byTheme] = await Promise.all([ctx.indicators.list(), ctx.observations.coverageByIndicator(), ctx.observations.coverageByTheme()]);
  return {
    items: list.map((i) => ({ ...i, coverage: byIndicator.get(i.code) ?? NONE })),
    themes: THEMES.map((theme) => ({ theme, ...(byTheme.get(theme) ?? NONE) })),
  };
}
