/** Great-circle distance for recommending enterprises near a citizen (wuqing §35: 就近推荐). */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LngLat {
  lng: number;
  lat: number;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in kilometres (WGS-84 / GCJ-02 alike at this precision). */
export function distanceKm(a: LngLat, b: LngLat): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `near=lng,lat` as typed in a query; null when it is not a valid point. */
export function parseLngLat(text: string): LngLat | null {
  const parts = text.split(',');
  if (parts.length !== 2) return null;
  const [lng, lat] = parts.map((p) => Number(p.trim()));
  if (lng === undefined || lat === undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return null;
  return { lng, lat };
}
