/**
 * A calibration (src/face/match/calibration.ts) from measured distances: impostor thresholds at
 * log-spaced false-match rates, genuine accept rates on a grid of thresholds.
 */
import { falseMatchLevels, type Calibration } from '../face/match/calibration.js';
import type { Metric } from '../face/embed/spec.js';
import { countAtMost, tarAtFar } from './verification-metrics.js';
import { round } from '../face/round.js';

export function buildCalibration(
  distances: { genuine: Float64Array; impostor: Float64Array },
  about: { embedder: string; metric: Metric; pipeline: Calibration['pipeline']; source: string },
): Calibration {
  const { genuine, impostor } = distances;
  const falseMatch = falseMatchLevels(impostor.length)
    .map((rate) => [rate, tarAtFar(genuine, impostor, rate)?.threshold] as const)
    .filter((row): row is readonly [number, number] => row[1] !== undefined && Number.isFinite(row[1]))
    .map(([rate, t]) => [rate, round(t, 6)] as [number, number]);
  // Both metrics lie in [0, 2] for unit embeddings.
  const genuineAccept: [number, number][] = [];
  for (let t = 0; t <= 2 + 1e-9; t += 0.01)
    genuineAccept.push([round(t, 6), round(countAtMost(genuine, t) / genuine.length, 6)]);
  return {
    ...about,
    impostorComparisons: impostor.length,
    genuineComparisons: genuine.length,
    falseMatch,
    genuineAccept,
  };
}
