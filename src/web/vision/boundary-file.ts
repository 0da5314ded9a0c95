/** A district boundary as the API takes it: a GeoJSON Polygon or MultiPolygon geometry. */
export type BoundaryGeometry = { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };

/**
 * The boundary in a GeoJSON file's text: a Polygon or MultiPolygon geometry, a Feature with one,
 * or a FeatureCollection with exactly one polygon feature. Throws an Error saying what is wrong;
 * the server checks the rings (closed, at least four positions, longitude/latitude ranges).
 */
export function boundaryFromGeoJson(text: string): BoundaryGeometry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("the file is not JSON");
  }
  const geometryOf = (g: unknown): BoundaryGeometry | null => {
    const o = g as { type?: unknown; coordinates?: unknown } | null;
    return o && (o.type === "Polygon" || o.type === "MultiPolygon") && Array.isArray(o.coordinates) ? (o as BoundaryGeometry) : null;
  };
  const o = json as { type?: unknown; geometry?: unknown; features?: unknown } | null;
  const direct = geometryOf(o) ?? (o?.type === "Feature" ? geometryOf(o.geometry) : null);
  if (direct) return direct;
  if (o?.type === "FeatureCollection" && Array.isArray(o.features)) {
    const polygons = o.features.map((f) => geometryOf((f as { geometry?: unknown } | null)?.geometry)).filter((g): g is BoundaryGeometry => g !== null);
    if (polygons.length === 1) return polygons[0]!;
    throw new Error(`the collection has ${polygons.length} polygon features; one is needed`);
  }
  throw new Error("no Polygon or MultiPolygon in the file");
}

/** Number of positions of a boundary (for a short description). */
export function boundaryPoints(b: BoundaryGeometry): number {
  return b.type === "Polygon" ? b.coordinates.reduce((n, r) => n + r.length, 0) : b.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
}
