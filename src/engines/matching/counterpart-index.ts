import type { CounterpartCity, ScoreContext } from "./counterpart-score.js";

const near = (d: number, scale: number) => Math.max(0, 1 - Math.min(1, d / scale));

/** Number of bits set in a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Fast scores of every candidate for one city; NaN where a candidate is left out (nothing on the theme). */
export interface IndexScores {
  /** 0–1, rounded to 3 decimals like `counterpartScore`. */
  score: Float64Array;
  /** 0–1, rounded to 2 decimals. */
  confidence: Float64Array;
}

/**
 * The candidates of the counterpart finder as flat typed arrays, built once: per city and
 * directional indicator its standing among all cities (0 worst – 1 best, NaN when missing), its
 * improvement and its practice evidence; per city its context on log scales. `scoreAll` then
 * gives every candidate's score for one city in one pass without allocating, the same numbers as
 * `counterpartScore` (up to floating-point rounding of the last digit), so that only the best
 * few need the full, explained computation.
 *
 * @example new CounterpartIndex(cities, ctx).scoreAll(lyon).score[3] //=> 0.412
 * Reference: citybridge matching design (DOMAIN.md, "Matching cities"); the formula is
 * `counterpartScore`'s.
 */
export class CounterpartIndex {
  readonly cities: readonly CounterpartCity[];
  readonly ctx: ScoreContext;
  /** Directional indicators that have percentiles: the columns of the arrays. */
  private readonly specs: ScoreContext["specs"];
  /** Standing 0–1, or −1 when missing (then the gain below is 0 without a branch, and bonus is 0). */
  private readonly good: Float64Array;
  /** Which indicators each city reports, as bits: word w of city i at [i * words + w]. */
  private readonly present: Int32Array;
  private readonly words: number;
  /** improving·improvement + practices·evidence: the part of strength that does not depend on the city asking. */
  private readonly bonus: Float64Array;
  private readonly logPop: Float64Array;
  private readonly logDensity: Float64Array;
  private readonly logIncome: Float64Array;
  private readonly absLat: Float64Array;
  private readonly work: Float64Array;
  /** Declared themes as bits (0 = none declared), one bit per theme in `themeBits`. */
  private readonly interests: Int32Array;
  private readonly themeBits = new Map<string, number>();

  constructor(cities: readonly CounterpartCity[], ctx: ScoreContext) {
    this.cities = cities;
    this.ctx = ctx;
    this.specs = ctx.specs.filter((s) => s.direction && ctx.percentiles.has(s.code));
    const n = cities.length;
    const F = this.specs.length;
    this.good = new Float64Array(n * F).fill(-1);
    this.words = Math.ceil(F / 32) || 1;
    this.present = new Int32Array(n * this.words);
    this.bonus = new Float64Array(n * F);
    const w = ctx.weights;
    this.logPop = new Float64Array(n);
    this.logDensity = new Float64Array(n);
    this.logIncome = new Float64Array(n);
    this.absLat = new Float64Array(n);
    this.work = new Float64Array(n);
    this.interests = new Int32Array(n);
    cities.forEach((c, i) => {
      this.interests[i] = this.bits(c.interests);
      const ctxOf = this.context(c);
      this.logPop[i] = ctxOf.logPop;
      this.logDensity[i] = ctxOf.logDensity;
      this.logIncome[i] = ctxOf.logIncome;
      this.absLat[i] = ctxOf.absLat;
      this.work[i] = ctxOf.work;
      this.specs.forEach((s, f) => {
        const fe = c.features.get(s.code);
        if (!fe) return;
        const k = i * F + f;
        this.good[k] = this.standing(s.code, s.direction!, fe.value);
        this.present[i * this.words + (f >> 5)]! |= 1 << (f & 31);
        const t = fe.trend;
        const improvement = t === null ? 0 : Math.min(1, Math.max(0, (s.direction === "lower" ? -t : t) / 0.05));
        const practice = c.practices.indicators.includes(s.code) ? 1 : c.practices.themes.includes(s.theme) ? 0.5 : 0;
        this.bonus[k] = w.improving * improvement + w.practices * practice;
      });
    });
  }

  /** Themes as a bit set; themes beyond 31 distinct ones are not expected (the catalogue has 7). */
  private bits(themes: readonly string[] | null): number {
    let m = 0;
    for (const t of themes ?? []) {
      let b = this.themeBits.get(t);
      if (b === undefined) {
        if (this.themeBits.size >= 31) throw new RangeError("more than 31 distinct themes of interest");
        this.themeBits.set(t, (b = 1 << this.themeBits.size));
      }
      m |= b;
    }
    return m;
  }

  /** Where a value stands among all cities on an indicator: 0 worst, 1 best. */
  private standing(code: string, direction: "lower" | "higher", value: number): number {
    const r = this.ctx.percentiles.get(code)!.rank(value);
    return direction === "lower" ? 1 - r : r;
  }

  private context(c: CounterpartCity) {
    const gdp = c.features.get("context.gdp_per_capita")?.value;
    return {
      logPop: c.population ? Math.log10(c.population) : NaN,
      logDensity: c.population && c.areaKm2 ? Math.log10(c.population / c.areaKm2) : NaN,
      logIncome: gdp ? Math.log10(gdp) : NaN,
      absLat: c.lat !== null ? Math.abs(c.lat) : NaN,
      work: c.climateWork ?? NaN,
    };
  }

  /** The asking city's themes as bits of the candidates' themes, and how many it declared that no candidate did. */
  private bitsOf(themes: readonly string[] | null): { declared: boolean; mask: number; extra: number } {
    let mask = 0;
    const extra = new Set<string>();
    for (const t of themes ?? []) {
      const b = this.themeBits.get(t);
      if (b === undefined) extra.add(t);
      else mask |= b;
    }
    return { declared: mask !== 0 || extra.size > 0, mask, extra: extra.size };
  }

  /** Every candidate's score and confidence as counterpart of `a` (which need not be a candidate), optionally on one theme. */
  scoreAll(a: CounterpartCity, theme?: string): IndexScores {
    const n = this.cities.length;
    const F = this.specs.length;
    const w = this.ctx.weights;
    const colList: number[] = [];
    const gaList: number[] = [];
    let needTotal = 0;
    this.specs.forEach((s, f) => {
      if (theme && s.theme !== theme) return;
      const fe = a.features.get(s.code);
      if (!fe) return;
      const g = this.standing(s.code, s.direction!, fe.value);
      colList.push(f);
      gaList.push(g);
      needTotal += 1 - g;
    });
    const needs = colList.length;
    const cols = Int32Array.from(colList);
    const ga = Float64Array.from(gaList);
    const need = Float64Array.from(gaList, (g) => 1 - g);
    const words = this.words;
    const aMask = new Int32Array(words);
    for (const f of colList) aMask[f >> 5]! |= 1 << (f & 31);
    const present = this.present;
    const ac = this.context(a);
    const of = [ac.logPop, ac.logDensity, ac.logIncome, ac.absLat, ac.work].filter((x) => !Number.isNaN(x)).length;
    // Themes only the asking city declared get bits of their own for the union's size.
    const aBits = this.bitsOf(a.interests);
    const strengthKnown = needTotal > 0;
    const sDen = needTotal * (w.better + w.improving + w.practices) || 1;
    const score = new Float64Array(n);
    const confidence = new Float64Array(n);
    const good = this.good;
    const bonus = this.bonus;
    const halfBetter = w.better / 2;
    for (let i = 0; i < n; i++) {
      const base = i * F;
      let covered = 0;
      for (let q = 0; q < words; q++) covered += popcount(aMask[q]! & present[i * words + q]!);
      let s = 0;
      // Branch-free: max(0, d) = (d + |d|) / 2 exactly; a missing value (−1) gains 0 and has no bonus.
      for (let k = 0; k < needs; k++) {
        const j = base + cols[k]!;
        const d = good[j]! - ga[k]!;
        s += need[k]! * (halfBetter * (d + Math.abs(d)) + bonus[j]!);
      }
      if (theme && covered === 0 && !this.cities[i]!.practices.themes.includes(theme)) {
        score[i] = NaN;
        confidence[i] = NaN;
        continue;
      }
      let parts = 0;
      let sim = 0;
      if (ac.logPop === ac.logPop && this.logPop[i] === this.logPop[i]) {
        parts++;
        sim += near(Math.abs(ac.logPop - this.logPop[i]!), 2);
        if (ac.logDensity === ac.logDensity && this.logDensity[i] === this.logDensity[i]) {
          parts++;
          sim += near(Math.abs(ac.logDensity - this.logDensity[i]!), 1.5);
        }
      }
      if (ac.logIncome === ac.logIncome && this.logIncome[i] === this.logIncome[i]) {
        parts++;
        sim += near(Math.abs(ac.logIncome - this.logIncome[i]!), 1);
      }
      if (ac.absLat === ac.absLat && this.absLat[i] === this.absLat[i]) {
        parts++;
        sim += near(Math.abs(ac.absLat - this.absLat[i]!), 30);
      }
      if (ac.work === ac.work && this.work[i] === this.work[i]) {
        parts++;
        sim += near(Math.abs(ac.work - this.work[i]!), 3);
      }
      const bBits = this.interests[i]!;
      const interest = aBits.declared && bBits !== 0 ? popcount(aBits.mask & bBits) / (popcount(aBits.mask | bBits) + aBits.extra) : null;
      const W = (strengthKnown ? w.strength : 0) + (of ? w.similarity : 0) + (interest !== null ? w.interest : 0);
      let total = 0;
      if (W > 0) {
        if (strengthKnown) total += (s * w.strength) / W / sDen;
        if (of) total += (sim * w.similarity) / W / of;
        if (interest !== null) total += (interest * w.interest) / W;
      }
      score[i] = Math.round(total * 1000) / 1000;
      confidence[i] = Math.round((0.6 * (needs ? covered / needs : 0) + 0.4 * (parts / 5)) * 100) / 100;
    }
    return { score, confidence };
  }
}
