import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { worldOutlineModule } from "../../../scripts/world-outline.js";
import { centredView, curve, fitView, linesBounds, project, toScreen, UNIT } from "./project.js";
import { WORLD_OUTLINE } from "./world-outline.js";

type Ring = [number, number][];
interface Feature { properties: { iso_a2: string }; geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] } }
const require = createRequire(import.meta.url);
const geo = JSON.parse(readFileSync(require.resolve("@surbowl/world-geo-json-zh/world.zh.json"), "utf8")) as { features: Feature[] };

/** The path's rings as absolute points (it is written as M x y, then relative l pairs, then z). */
function rings(d: string): [number, number][][] {
  return d.split("z").filter(Boolean).map((part) => {
    const m = /^M(-?\d+) (-?\d+)l(.*)$/.exec(part);
    if (!m) throw new Error(`unexpected ring ${part.slice(0, 40)}`);
    let x = Number(m[1]);
    let y = Number(m[2]);
    const pts: [number, number][] = [[x, y]];
    const nums = (m[3]!.match(/-?\d+/g) ?? []).map(Number);
    for (let i = 0; i < nums.length; i += 2) { x += nums[i]!; y += nums[i + 1]!; pts.push([x, y]); }
    return pts;
  });
}

/** Point in polygon (even–odd), in outline units. */
function inside([px, py]: [number, number], ring: [number, number][]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if ((yi > py) !== (yj > py) && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** A country's outer rings, projected and rounded as the generator does. */
function countryRings(iso: string): [number, number][][] {
  const f = geo.features.find((x) => x.properties.iso_a2 === iso);
  if (!f) throw new Error(iso);
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polys.map((p) => p[0]!.map(([lon, lat]) => [Math.round(lon * UNIT), Math.round(-lat * UNIT)] as [number, number]));
}

const CITIES = [
  { name: "Chongqing", iso: "CN", lon: 106.55, lat: 29.56 },
  { name: "Mannheim", iso: "DE", lon: 8.47, lat: 49.49 },
  { name: "Málaga", iso: "ES", lon: -4.42, lat: 36.72 },
  { name: "Longyan", iso: "CN", lon: 117.03, lat: 25.08 },
];

describe("the world outline (scripts/world-outline.ts → src/web/geo/world-outline.ts)", () => {
  it("is the generator's output from the installed package (regenerate with npx tsx scripts/world-outline.ts)", () => {
    const file = readFileSync(fileURLToPath(new URL("./world-outline.ts", import.meta.url)), "utf8");
    expect(file).toBe(worldOutlineModule());
  });

  it("is a fraction of the GeoJSON's size and covers the world, every ring closed with 3+ points", () => {
    const source = readFileSync(require.resolve("@surbowl/world-geo-json-zh/world.zh.json")).length;
    expect(WORLD_OUTLINE.length).toBeLessThan(source / 4);
    const all = rings(WORLD_OUTLINE);
    expect(all.length).toBeGreaterThan(239); // at least a ring per country
    for (const r of all) expect(r.length).toBeGreaterThanOrEqual(3);
    const xs = all.flat().map((p) => p[0]);
    const ys = all.flat().map((p) => p[1]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-1800);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1800);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(-900);
    expect(Math.max(...ys)).toBeLessThanOrEqual(900);
    expect(Math.min(...xs)).toBeLessThan(-1700);
    expect(Math.max(...xs)).toBeGreaterThan(1700);
  });

  it("puts a city's dot inside its country's outline, as drawn", () => {
    const drawn = rings(WORLD_OUTLINE);
    for (const c of CITIES) {
      const p = project(c.lon, c.lat);
      // inside one of its country's rounded outer rings…
      expect(countryRings(c.iso).some((r) => inside(p, r)), c.name).toBe(true);
      // …and inside land of the drawn path (some ring of the path holds it).
      expect(drawn.some((r) => inside(p, r)), c.name).toBe(true);
    }
    // A point in the sea is in no country's ring.
    expect(drawn.filter((r) => inside(project(-30, 30), r))).toHaveLength(0);
  });
});

describe("projection helpers", () => {
  it("projects x = lon, y = −lat in tenths of a degree", () => {
    const [x, y] = project(106.55, 29.56);
    expect(x).toBeCloseTo(1065.5, 9);
    expect(y).toBeCloseTo(-295.6, 9);
  });

  it("centres the locator on the city", () => {
    const v = centredView(106.55, 29.56, 360, 300);
    const [x, y] = toScreen(v, 106.55, 29.56);
    expect(x).toBeCloseTo(180, 6);
    expect(y).toBeCloseTo(150, 6);
    // East is right, north is up.
    expect(toScreen(v, 110, 29.56)[0]).toBeGreaterThan(x);
    expect(toScreen(v, 106.55, 35)[1]).toBeLessThan(y);
  });

  it("fits the lines map to the cities with 12° around them, every city and every curve inside the frame", () => {
    const pts = CITIES.map((c) => ({ lon: c.lon, lat: c.lat }));
    const b = linesBounds(pts);
    expect(b).toEqual({ west: -4.42 - 12, east: 117.03 + 12, south: 25.08 - 12, north: 49.49 + 12 });
    for (const [w, h] of [[800, 420], [340, 255], [1200, 380]] as const) {
      const v = fitView(b, w, h);
      const onScreen = pts.map((p) => toScreen(v, p.lon, p.lat));
      for (const [x, y] of onScreen) {
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(w);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(h);
      }
      // The frame's corners land on or inside the box, one pair of sides touching it (the largest fit).
      const [x0, y0] = toScreen(v, b.west, b.north);
      const [x1, y1] = toScreen(v, b.east, b.south);
      expect(x0).toBeGreaterThanOrEqual(-1e-6);
      expect(y0).toBeGreaterThanOrEqual(-1e-6);
      expect(x1).toBeLessThanOrEqual(w + 1e-6);
      expect(y1).toBeLessThanOrEqual(h + 1e-6);
      expect(Math.min(Math.abs(x0), Math.abs(y0))).toBeLessThan(1e-6);
      // Each line, curved, stays in the frame: points along the quadratic Bézier from its control point.
      for (let i = 0; i < onScreen.length; i++) {
        for (let j = i + 1; j < onScreen.length; j++) {
          const a = onScreen[i]!;
          const c = onScreen[j]!;
          const { control, d } = curve(a, c);
          expect(d).toMatch(/^M[\d.-]+ [\d.-]+Q[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+$/);
          for (let t = 0; t <= 1; t += 0.05) {
            const x = (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * control[0] + t ** 2 * c[0];
            const y = (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * control[1] + t ** 2 * c[1];
            expect(x, `${w}×${h} ${i}-${j}`).toBeGreaterThanOrEqual(0);
            expect(x, `${w}×${h} ${i}-${j}`).toBeLessThanOrEqual(w);
            expect(y, `${w}×${h} ${i}-${j}`).toBeGreaterThanOrEqual(0);
            expect(y, `${w}×${h} ${i}-${j}`).toBeLessThanOrEqual(h);
          }
        }
      }
    }
  });

  it("frames the world when there are no cities, and clamps the frame near the poles and the date line", () => {
    expect(linesBounds([])).toEqual({ west: -170, east: 190, south: -58, north: 80 });
    expect(linesBounds([{ lon: 175, lat: 80 }, { lon: -175, lat: -50 }])).toEqual({ west: -180, east: 187, south: -58, north: 85 });
  });
});
