import { describe, expect, it } from 'vitest';
import { distanceKm, parseLngLat } from './distance';

describe('distance between a citizen and an enterprise', () => {
  // One degree of arc is 2π·6371.0088/360 = 111.195 km (by hand), along a meridian or the equator.
  it('one degree of latitude along a meridian is 111.195 km', () => {
    expect(distanceKm({ lng: 117, lat: 39 }, { lng: 117, lat: 40 })).toBeCloseTo(111.195, 2);
  });
  it('one degree of longitude on the equator is 111.195 km; at 60° N half of it', () => {
    expect(distanceKm({ lng: 0, lat: 0 }, { lng: 1, lat: 0 })).toBeCloseTo(111.195, 2);
    // cos 60° = 0.5; over so short an arc the great circle is within 0.01 km of the parallel.
    expect(distanceKm({ lng: 0, lat: 60 }, { lng: 1, lat: 60 })).toBeCloseTo(55.6, 1);
  });
  it('the same point is 0 km away', () => {
    expect(distanceKm({ lng: 117.04, lat: 39.38 }, { lng: 117.04, lat: 39.38 })).toBe(0);
  });
  it('parses lng,lat and refuses what is not a point', () => {
    expect(parseLngLat('117.04, 39.38')).toEqual({ lng: 117.04, lat: 39.38 });
    expect(parseLngLat('117.04')).toBeNull();
    expect(parseLngLat('abc,39')).toBeNull();
    expect(parseLngLat('200,39')).toBeNull();
    expect(parseLngLat('117,95')).toBeNull();
  });
});
