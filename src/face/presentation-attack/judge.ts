/**
 * The presentation-attack decision on an attempt's frames: the median of their live scores against
 * the threshold (face.presentationAttackDetection.threshold). One frame, when liveness is off, is
 * its own median. In a burst, the median lets neither one frame's glare or motion blur refuse a live
 * person nor one lucky frame pass an attack: more than half the frames must score live.
 */
import type { FaceAnalysis } from '../pipeline.js';
import { median } from '../liveness/burst-check.js';

export interface PresentationVerdict {
  kind: 'live' | 'presentation_attack';
  /** The median live score of the frames. */
  score: number;
  threshold: number;
}

export function judgePresentation(
  frames: readonly Pick<FaceAnalysis, 'liveScore'>[],
  threshold: number,
): PresentationVerdict {
  const score = medianLiveScore(frames);
  return { kind: score >= threshold ? 'live' : 'presentation_attack', score, threshold };
}

/** The frames' median live score; each frame must have been scored by the model. */
export function medianLiveScore(frames: readonly Pick<FaceAnalysis, 'liveScore'>[]): number {
  const scores = frames.map((f) => f.liveScore);
  if (scores.length === 0 || scores.some((s) => s === undefined)) {
    throw new Error(
      'presentation-attack detection is on, but the face engine did not score these frames: start it with the model',
    );
  }
  return median(scores as number[]);
}
