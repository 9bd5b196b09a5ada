/**
 * A calibration: how one embedder's distances fall for impostors and for genuine pairs, measured
 * once on a labelled set (`facegate eval --calibration FILE`), so thresholds can be derived from
 * a wanted false-accept rate instead of guessed.
 */
import type { Metric } from '../embed/spec.js';

export interface Calibration {
  /** The embedder id (with its file digest) it was measured for. */
  embedder: string;
  metric: Metric;
  /** Pipeline choices that move distances: a calibration serves only the same ones. */
  pipeline: { landmarks: boolean; mirrorFusion: boolean };
  /** Where the figures come from, for the operator. */
  source: string;
  impostorComparisons: number;
  genuineComparisons: number;
  /** [false-match rate, the largest distance threshold that keeps to it], rates ascending. */
  falseMatch: [number, number][];
  /** [threshold, share of genuine pairs within it], thresholds ascending. */
  genuineAccept: [number, number][];
}

/** Log-spaced false-match rates from the smallest measurable one up to 0.1, `perDecade` a decade. */
export function falseMatchLevels(impostorComparisons: number, perDecade = 10): number[] {
  const floor = Math.log10(1 / impostorComparisons);
  const levels: number[] = [];
  for (let e = Math.ceil(floor * perDecade) / perDecade; e <= -1 + 1e-9; e += 1 / perDecade)
    levels.push(Number((10 ** e).toPrecision(4)));
  return levels;
}

/** Linear interpolation on a table of ascending x, clamped at its ends. */
export function interpolate(table: readonly [number, number][], x: number, logX = false): number {
  const f = logX ? Math.log10 : (v: number) => v;
  if (x <= table[0][0]) return table[0][1];
  for (let i = 1; i < table.length; i++) {
    const [x1, y1] = table[i];
    if (x <= x1) {
      const [x0, y0] = table[i - 1];
      const w = (f(x) - f(x0)) / (f(x1) - f(x0));
      return y0 + w * (y1 - y0);
    }
  }
  return table[table.length - 1][1];
}
