import { describe, expect, it } from "vitest";
import { agreementCount } from "./group-agreement.js";
import { confidenceLevel } from "./confidence.js";
import { kMeans, silhouette } from "./k-means.js";
import { pca2 } from "./pca2.js";
import { mulberry32 } from "./prng.js";
import { imputeCentred } from "./vote-matrix.js";

describe("consensus building blocks", () => {
  it("mulberry32 repeats its sequence for a seed and differs between seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(mulberry32(43)()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("imputes a missing vote with the statement's mean and centres the columns", () => {
    expect(imputeCentred([[1, null], [-1, 1]])).toEqual([[1, 0], [-1, 0]]);
  });

  it("projects two opposite voters onto the first component, √2 from the centre", () => {
    const r = pca2([[1, 1], [-1, -1]], 1);
    expect(r.points[0]?.[0]).toBeCloseTo(Math.SQRT2, 9);
    expect(r.points[1]?.[0]).toBeCloseTo(-Math.SQRT2, 9);
    expect(r.explained[0]).toBeCloseTo(1, 9);
  });

  it("separates two clear clusters and scores them with a high silhouette", () => {
    const pts: [number, number][] = [[0, 0], [0, 1], [9, 9], [9, 8]];
    const { labels } = kMeans(pts, 2, 1);
    expect(labels[0]).toBe(labels[1]);
    expect(labels[2]).toBe(labels[3]);
    expect(labels[0]).not.toBe(labels[2]);
    expect(silhouette(pts, labels)).toBeGreaterThan(0.89);
    expect(silhouette(pts, [0, 0, 0, 0])).toBe(0);
  });

  it("smooths agreement with Laplace's rule and counts pass votes as seen", () => {
    expect(agreementCount([[1], [1], [-1]], [0, 1, 2], 0)).toEqual({ agree: 2, disagree: 1, pass: 0, votes: 3, agreement: 0.6 });
    expect(agreementCount([[0], [0]], [0, 1], 0).agreement).toBe(0.25);
    expect(agreementCount([[null]], [0], 0)).toMatchObject({ votes: 0, agreement: 0.5 });
  });

  it("names confidence from vote density: 0.75 high, 0.4 medium", () => {
    expect([0.8, 0.5, 0.1].map(confidenceLevel)).toEqual(["high", "medium", "low"]);
    expect(() => confidenceLevel(1.5)).toThrow(RangeError);
  });
});
