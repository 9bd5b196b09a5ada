/**
 * Nearest-rank percentiles: the reported p95 is a value that was actually measured (no
 * interpolation between two samples), so a small sample says what it saw.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const ascending = Float64Array.from(samples).sort();
  return ascending[Math.max(0, Math.ceil(p * ascending.length) - 1)];
}
