/**
 * The liveness check's thresholds, measured with `facegate eval-liveness` (see the README's
 * liveness section for the figures). A flat picture turned 45 degrees as a card moved the nose
 * offset by up to 0.17 (0.22 on a phone with glare) in a single frame; a deliberate head turn of
 * 20 degrees moves it past 0.2 and holds it there for several frames.
 */
import type { Metric } from '../embed/spec.js';
import type { LivenessSettings } from './burst-check.js';

/**
 * `sameFaceDistance`: the embedder's own one-person bound (models/manifest.json), where its distances
 * are not on dlib's scale; the default is dlib's.
 */
export function livenessSettings(metric: Metric, sameFaceDistance?: number): LivenessSettings {
  return {
    minFrames: 6,
    yawThreshold: 0.2,
    pitchThreshold: 0.2,
    repeatDifference: 0.5,
    maxRepeatShare: 0.34,
    sameFaceDistance: sameFaceDistance ?? (metric === 'cosine' ? 0.15 : 0.55),
    metric,
  };
}

/** Frames a burst may carry. */
export const BURST = { min: 8, max: 15 } as const;
