import 'server-only';

import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

import { env } from './env';

/**
 * Event-loop delay of this server process, for the corpus benchmark (`npm run bench -- corpus`):
 * heavy work must run in worker threads, and this is how the bench proves the request thread
 * stayed free. Off unless the server was started with GROUNDWORK_EVENT_LOOP_STATS=1.
 */
let histogram: IntervalHistogram | undefined;

export function eventLoopStatsEnabled(): boolean {
  return env().GROUNDWORK_EVENT_LOOP_STATS;
}

function monitor(): IntervalHistogram {
  if (!histogram) {
    // 10 ms sampling resolution: delays are reported in nanoseconds and include the resolution.
    histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
  }
  return histogram;
}

/** Starts a new measuring window. */
export function resetEventLoopStats(): void {
  monitor().reset();
}

/** Delay percentiles (ms) since the last reset; the 10 ms sampling resolution is subtracted. */
export function readEventLoopStats() {
  const h = monitor();
  const ms = (ns: number) => Math.max(0, ns / 1e6 - 10);
  return { samples: h.count, p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) };
}
