import { Gauge, type Registry } from 'prom-client';
import type { MeasuredCache } from '../caches/measured';

/**
 * `gateway_cache_bytes` and `gateway_cache_max_bytes` by cache (`apq`, `documents`, `response`):
 * the estimated bytes each holds and its budget, read when Prometheus scrapes.
 */
export function registerCacheGauges(
  registry: Registry,
  caches: Record<string, MeasuredCache>,
): void {
  const gauge = (name: string, help: string, read: (cache: MeasuredCache) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['cache'],
      registers: [registry],
      collect() {
        for (const [cache, measured] of Object.entries(caches)) this.set({ cache }, read(measured));
      },
    });
  gauge('gateway_cache_bytes', 'Estimated bytes a cache holds', (cache) => cache.bytes);
  gauge('gateway_cache_max_bytes', 'Bytes a cache may hold', (cache) => cache.maxBytes);
}
