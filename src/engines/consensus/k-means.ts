import { mulberry32 } from "./prng.js";

export type Point = readonly [number, number];

/** A clustering: `labels[i]` is point i's cluster, 0…k−1; `inertia` the sum of squared distances to the centres. */
export interface Clustering {
  labels: number[];
  centres: [number, number][];
  inertia: number;
}

const dist2 = (a: Point, b: Point) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

function nearest(p: Point, centres: readonly Point[]): number {
  let best = 0;
  for (let c = 1; c < centres.length; c++) if (dist2(p, centres[c] as Point) < dist2(p, centres[best] as Point)) best = c;
  return best;
}

function once(points: readonly Point[], k: number, rnd: () => number): Clustering {
  // k-means++ seeding: each next centre drawn with probability ∝ squared distance to the nearest one.
  const centres: [number, number][] = [[...(points[Math.floor(rnd() * points.length)] as Point)]];
  while (centres.length < k) {
    const d = points.map((p) => dist2(p, centres[nearest(p, centres)] as Point));
    const sum = d.reduce((s, a) => s + a, 0);
    let r = rnd() * sum;
    let pick = d.findIndex((a) => (r -= a) <= 0 && a > 0);
    if (pick < 0) pick = d.findIndex((a) => a > 0);
    if (pick < 0) break;
    centres.push([...(points[pick] as Point)]);
  }
  let labels = points.map((p) => nearest(p, centres));
  for (let it = 0; it < 100; it++) {
    for (let c = 0; c < centres.length; c++) {
      const members = points.filter((_p, i) => labels[i] === c);
      if (members.length) centres[c] = [members.reduce((s, p) => s + p[0], 0) / members.length, members.reduce((s, p) => s + p[1], 0) / members.length];
    }
    const next = points.map((p) => nearest(p, centres));
    if (next.every((l, i) => l === labels[i])) break;
    labels = next;
  }
  return { labels, centres, inertia: points.reduce((s, p, i) => s + dist2(p, centres[labels[i] ?? 0] as Point), 0) };
}

/**
 * Seeded k-means in the plane (k-means++ start, Lloyd iterations, best of 5 restarts by inertia).
 * The same points, k and seed always give the same labels.
 * @example kMeans([[0, 0], [0, 1], [9, 9], [9, 8]], 2, 1).labels //=> [0, 0, 1, 1]
 * Source: Lloyd 1982; Arthur & Vassilvitskii 2007, "k-means++: the advantages of careful seeding".
 */
export function kMeans(points: readonly Point[], k: number, seed: number): Clustering {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
  if (points.length < k) throw new RangeError(`cannot make ${k} clusters of ${points.length} points`);
  const rnd = mulberry32(seed);
  let best: Clustering | null = null;
  for (let r = 0; r < 5; r++) {
    const c = once(points, k, rnd);
    if (!best || c.inertia < best.inertia - 1e-12) best = c;
  }
  return best as Clustering;
}

/**
 * Mean silhouette width of a clustering, −1…1 (higher = better separated); 0 for one cluster.
 * A point alone in its cluster scores 0.
 * @example silhouette([[0, 0], [0, 1], [9, 9], [9, 8]], [0, 0, 1, 1]) //=> 0.89…
 * Source: Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and validation of cluster analysis".
 */
export function silhouette(points: readonly Point[], labels: readonly number[]): number {
  const k = new Set(labels).size;
  if (k < 2 || points.length === 0) return 0;
  let total = 0;
  points.forEach((p, i) => {
    const sums = new Map<number, { d: number; n: number }>();
    points.forEach((q, j) => {
      if (i === j) return;
      const l = labels[j] as number;
      const s = sums.get(l) ?? { d: 0, n: 0 };
      s.d += Math.sqrt(dist2(p, q));
      s.n++;
      sums.set(l, s);
    });
    const own = sums.get(labels[i] as number);
    if (!own || own.n === 0) return;
    const a = own.d / own.n;
    let b = Infinity;
    for (const [l, s] of sums) if (l !== labels[i] && s.n > 0) b = Math.min(b, s.d / s.n);
    const m = Math.max(a, b);
    total += m > 0 && Number.isFinite(b) ? (b - a) / m : 0;
  });
  return total / points.length;
}
