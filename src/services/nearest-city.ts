import type { CityPoint } from "../domain/city.js";

/** Great-circle distance in km (haversine, mean Earth radius 6,371 km). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The city whose point is nearest, if within `maxKm`; ties go to the more populous city. */
export function nearestCity(points: CityPoint[], at: { lat: number; lon: number }, maxKm: number): { city: CityPoint; km: number } | null {
  let best: { city: CityPoint; km: number } | null = null;
  for (const c of points) {
    const km = distanceKm(at, c);
    if (km > maxKm) continue;
    if (!best || km < best.km || (km === best.km && (c.population ?? 0) > (best.city.population ?? 0))) best = { city: c, km };
  }
  return best;
}
