/**
 * Latency summaries. Nearest-rank percentiles: the reported p95 is a latency that was actually
 * measured (no interpolation between two samples), so a small sample says what it saw.
 */
export interface LatencySummary {
  p50_ms: number;
  p95_ms: number;
  /** How many measurements the percentiles rest on. */
  n: number;
}

/** The nearest-rank percentile `p` (0 to 1) of `samples`; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const ascending = Float64Array.from(samples).sort();
  return ascending[Math.max(0, Math.ceil(p * ascending.length) - 1)];
}

/** p50 and p95, in milliseconds rounded to the microsecond. */
export function summarise(samples: readonly number[]): LatencySummary {
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { p50_ms: round(percentile(samples, 0.5)), p95_ms: round(percentile(samples, 0.95)), n: samples.length };
}
