import { useQuery } from '@tanstack/react-query';
import { bigscreenResponse } from '../../../common/contracts/bigscreen';
import {
  forecastResponse,
  hotTopicClustersResponse,
  hotTopicsResponse,
} from '../../../common/contracts/trends';
import { apiParsed } from './client';

/** Everything the wall screen shows; refreshed every 30 s without anyone touching it. */
export function useBigscreen() {
  return useQuery({
    queryKey: ['stats', 'bigscreen'],
    queryFn: ({ signal }) => apiParsed(bigscreenResponse, '/api/stats/bigscreen', { signal }),
    refetchInterval: 30_000,
    refetchIntervalInBackground: true,
    staleTime: 10_000,
  });
}

/** 热点诉求 of a window (service dates, both included). */
export function useHotTopics(from: string, to: string, limit = 10) {
  return useQuery({
    queryKey: ['stats', 'hot-topics', from, to, limit],
    queryFn: ({ signal }) =>
      apiParsed(hotTopicsResponse, '/api/stats/hot-topics', {
        query: { from, to, limit, minCount: 3 },
        signal,
      }),
    staleTime: 60_000,
  });
}

export function useHotTopicClusters(from: string, to: string) {
  return useQuery({
    queryKey: ['stats', 'hot-topic-clusters', from, to],
    queryFn: ({ signal }) =>
      apiParsed(hotTopicClustersResponse, '/api/stats/hot-topics/clusters', {
        query: { from, to, minCount: 3 },
        signal,
      }),
    staleTime: 60_000,
  });
}

/** Daily orders of the last 30 days and the next 7, with the method's backtest error. */
export function useForecast() {
  return useQuery({
    queryKey: ['stats', 'forecast'],
    queryFn: ({ signal }) => apiParsed(forecastResponse, '/api/stats/forecast', { signal }),
    staleTime: 5 * 60_000,
  });
}

/**
 * The city's districts for the big screen's map (web/public/geo/city.geojson; a site replaces the
 * file with its own districts, named as orders record 所在区).
 */
export function useCityMap() {
  return useQuery({
    queryKey: ['geo', 'city'],
    queryFn: async ({ signal }) => {
      const res = await fetch('/geo/city.geojson', { signal });
      if (!res.ok) throw new Error('区划地图加载失败');
      return (await res.json()) as {
        type: 'FeatureCollection';
        features: { properties: { name: string } }[];
      };
    },
    staleTime: Infinity,
  });
}
