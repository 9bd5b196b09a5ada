/**
 * The liveness check's thresholds. The pose thresholds come from the first liveness evaluation: a
 * flat picture turned 45 degrees as a card moved the nose offset by up to 0.17 (0.22 on a phone
 * with glare) in a single frame, hence 0.2 held for two frames. The scene and identity bounds are
 * chosen with `facegate eval-liveness --measure` on ../shared/faces and reported on LFW (see the
 * README's liveness section for the figures they rest on).
 */
import type { Metric } from '../embed/spec.js';
import type { IdentityBounds, LivenessSettings } from './burst-check.js';

/** Per metric (one per embedder family shipped): within-burst and against-the-account bounds. */
const IDENTITY: Record<Metric, { sameFace: IdentityBounds; account: IdentityBounds }> = {
  euclidean: {
    sameFace: { neighbour: 0.44, facing: 0.42, turned: 0.445 },
    account: { neighbour: 0.44, facing: 0.46, turned: 0.47 },
  },
  cosine: {
    sameFace: { neighbour: 0.15, facing: 0.12, turned: 0.18 },
    account: { neighbour: 0.15, facing: 0.15, turned: 0.18 },
  },
};

export function livenessSettings(metric: Metric): LivenessSettings {
  return {
    minFrames: 6,
    yawThreshold: 0.15,
    pitchThreshold: 0.12,
    repeatDifference: 0.5,
    maxRepeatShare: 0.34,
    scene: { gain: 0.3, background: 0.15, shift: 1, resize: 0.5, minBackgroundShare: 0.08 },
    ...IDENTITY[metric],
    metric,
  };
}

/** Frames a burst may carry (the read limit: the check then wants exactly the timeline's). */
export const BURST = { min: 8, max: 15 } as const;
