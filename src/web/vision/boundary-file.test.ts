import { describe, expect, it } from "vitest";
import { boundaryFromGeoJson, boundaryPoints } from "./boundary-file";

const ring = [[14.43, 50.1], [14.45, 50.1], [14.45, 50.11], [14.43, 50.1]];
const polygon = { type: "Polygon", coordinates: [ring] };

describe("boundaryFromGeoJson", () => {
  it("takes a geometry, a feature or a collection with one polygon", () => {
    expect(boundaryFromGeoJson(JSON.stringify(polygon))).toEqual(polygon);
    expect(boundaryFromGeoJson(JSON.stringify({ type: "Feature", properties: {}, geometry: polygon }))).toEqual(polygon);
    const fc = { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: [14, 50] } }, { type: "Feature", geometry: polygon }] };
    expect(boundaryFromGeoJson(JSON.stringify(fc))).toEqual(polygon);
    expect(boundaryPoints(polygon as never)).toBe(4);
  });

  it("says what is wrong with other files", () => {
    expect(() => boundaryFromGeoJson("not json")).toThrow(/not JSON/);
    expect(() => boundaryFromGeoJson(JSON.stringify({ type: "Point", coordinates: [1, 2] }))).toThrow(/no Polygon/);
    expect(() => boundaryFromGeoJson(JSON.stringify({ type: "FeatureCollection", features: [{ geometry: polygon }, { geometry: polygon }] }))).toThrow(/2 polygon features/);
  });
});
