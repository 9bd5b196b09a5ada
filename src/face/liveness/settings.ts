/**
 * The liveness check's thresholds. The scene, pose and identity limits are chosen with
 * `facegate eval-liveness --measure` on ../shared/faces and reported on LFW (the README's
 * liveness section gives the figures they rest on). Identity bounds are in an embedder's own
 * distance: each shipped embedder's are measured and kept in models/manifest.json; an embedder
 * of your own gets DEFAULT_BOUNDS for its metric until you measure its own.
 */
import type { Metric } from '../embed/spec.js';
import type { FrameBounds, LivenessSettings } from './burst-check.js';

/** Bounds on a live burst's frames, in one embedder's distance. */
export interface LivenessBounds {
  /** Within the burst: each frame against the opening frames. */
  sameFace: FrameBounds;
  /** Each frame against the enrolled account it signs in as. */
  account: FrameBounds;
}

/** dlib-resnet-v1's bounds (euclidean), and loose ones for a cosine embedder of your own. */
export const DEFAULT_BOUNDS: Record<Metric, LivenessBounds> = {
  euclidean: { sameFace: { facing: 0.42, turned: 0.445 }, account: { facing: 0.4, turned: 0.4 } },
  cosine: { sameFace: { facing: 0.7, turned: 0.68 }, account: { facing: 0.72, turned: 0.72 } },
};

/** An embedder's identity bounds: its own measured ones, else its metric's defaults. */
export function livenessBoundsOf(embedder: { metric: Metric; liveness?: LivenessBounds }): LivenessBounds {
  return embedder.liveness ?? DEFAULT_BOUNDS[embedder.metric];
}

/** The check's settings for an embedder. */
export function livenessSettings(embedder: { metric: Metric; liveness?: LivenessBounds }): LivenessSettings {
  const bounds = livenessBoundsOf(embedder);
  return {
    minFrames: 6,
    yawThreshold: 0.15,
    pitchThreshold: 0.12,
    repeatDifference: 0.5,
    maxRepeatShare: 0.34,
    minMirrorDissimilarity: 0.05,
    scene: { gain: 0.3, background: 0.15, changed: 0.2, shift: 1, resize: 0.5, minBackgroundShare: 0.08 },
    sameFace: bounds.sameFace,
    metric: embedder.metric,
  };
}

/** Frames a burst may carry (the read limit: the check then wants exactly the timeline's). */
export const BURST = { min: 8, max: 15 } as const;
