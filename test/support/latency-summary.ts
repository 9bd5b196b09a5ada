/** Latency summaries, as the benches print them and the tests check them. */
import { percentile } from '../../src/eval/percentile.js';

export interface LatencySummary {
  p50_ms: number;
  p95_ms: number;
  /** How many measurements the percentiles rest on. */
  n: number;
}

/** p50 and p95 (nearest rank), in milliseconds rounded to the microsecond. */
export function summarise(samples: readonly number[]): LatencySummary {
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { p50_ms: round(percentile(samples, 0.5)), p95_ms: round(percentile(samples, 0.95)), n: samples.length };
}
