/** Latency summaries, as the benches print them and the tests check them. */
import { percentile } from '../../src/eval/percentile.js';
import { round } from '../../src/face/round.js';

export interface LatencySummary {
  p50_ms: number;
  p95_ms: number;
  /** How many measurements the percentiles rest on. */
  n: number;
}

/** p50 and p95 (nearest rank), in milliseconds rounded to the microsecond. */
export function summarise(samples: readonly number[]): LatencySummary {
  return { p50_ms: round(percentile(samples, 0.5), 3), p95_ms: round(percentile(samples, 0.95), 3), n: samples.length };
}
