/**
 * Does a burst of frames show a live person doing the challenge? Checks, in order:
 * enough frames with one face each; frames not repeats of one another; one person throughout;
 * and a pose trajectory that performs exactly the moves asked, in order. Pure: it only reads the
 * analyses the engine made of each frame.
 */
import { distance } from '../match/distance.js';
import type { Metric } from '../embed/spec.js';
import type { FaceAnalysis } from '../pipeline.js';
import { fuse } from '../embed/vectors.js';
import type { Move } from './challenge.js';
import { facePose, type Pose } from './pose.js';

export interface LivenessSettings {
  /** Frames that must show a face. */
  minFrames: number;
  /** Nose offset across the face (eye distances) that counts as a turn. */
  yawThreshold: number;
  /** Nose offset down the face (eye-to-mouth distances) that counts as a tilt. */
  pitchThreshold: number;
  /** Mean luma difference of two chip thumbnails below which they are the same picture. */
  repeatDifference: number;
  /** Share of consecutive pairs allowed to be repeats. */
  maxRepeatShare: number;
  /** Largest distance of a frame's embedding from the burst's mean: one person throughout. */
  sameFaceDistance: number;
  metric: Metric;
}

export type LivenessFailure = 'too_few_frames' | 'repeated_frames' | 'not_same_person' | 'no_movement' | 'wrong_movement';

export type Label = Move | 'down' | 'centre';

export type LivenessVerdict =
  | { live: true; frontal: number[]; labels: Label[]; poses: Pose[] }
  | { live: false; reason: LivenessFailure; labels?: Label[]; poses?: Pose[]; detail?: Record<string, number | string> };

export function checkBurst(frames: readonly FaceAnalysis[], moves: readonly Move[], settings: LivenessSettings): LivenessVerdict {
  if (frames.length < settings.minFrames) return { live: false, reason: 'too_few_frames', detail: { frames: frames.length } };

  const repeats = countRepeats(frames, settings.repeatDifference);
  if (repeats > settings.maxRepeatShare * (frames.length - 1)) {
    return { live: false, reason: 'repeated_frames', detail: { repeats, pairs: frames.length - 1 } };
  }

  const centre = fuse(frames.map((f) => f.embedding));
  const farthest = Math.max(...frames.map((f) => distance(f.embedding, centre, settings.metric)));
  if (farthest > settings.sameFaceDistance) return { live: false, reason: 'not_same_person', detail: { distance: round(farthest) } };

  const poses = frames.map(facePose);
  const labels = labelPoses(poses, settings);
  const performed = collapse(labels);
  if (performed.length === 0) return { live: false, reason: 'no_movement', labels, poses };
  if (performed.length !== moves.length || performed.some((m, i) => m !== moves[i])) {
    return { live: false, reason: 'wrong_movement', labels, poses, detail: { asked: moves.join(','), seen: performed.join(',') } };
  }
  const frontal = labels.flatMap((label, i) => (label === 'centre' ? [i] : []));
  return { live: true, frontal, labels, poses };
}

/**
 * Each frame's movement against the first frames' pose (the person starts facing the camera).
 * A frame counts as a move only past its threshold, and as the move that exceeds it most.
 */
export function labelPoses(poses: readonly Pose[], settings: Pick<LivenessSettings, 'yawThreshold' | 'pitchThreshold'>): Label[] {
  const start = poses.slice(0, 2);
  const bx = median(start.map((p) => p.x));
  const by = median(start.map((p) => p.y));
  return poses.map(({ x, y }) => {
    const scores: [Label, number][] = [
      ['left', (x - bx) / settings.yawThreshold],
      ['right', (bx - x) / settings.yawThreshold],
      ['up', (by - y) / settings.pitchThreshold],
      ['down', (y - by) / settings.pitchThreshold],
    ];
    const [label, score] = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
    return score >= 1 ? label : 'centre';
  });
}

/**
 * The moves in the order performed: runs of one label, held for at least HOLD frames (a single
 * frame past a threshold is landmark noise, not a move), with pauses at the centre dropped.
 */
function collapse(labels: readonly Label[]): Label[] {
  const moves: Label[] = [];
  let run = 0;
  labels.forEach((label, i) => {
    run = i > 0 && labels[i - 1] === label ? run + 1 : 1;
    if (run === HOLD && label !== 'centre' && moves[moves.length - 1] !== label) moves.push(label);
  });
  return moves;
}

/** Consecutive frames a move must be held for. */
const HOLD = 2;

function countRepeats(frames: readonly FaceAnalysis[], threshold: number): number {
  let repeats = 0;
  for (let i = 1; i < frames.length; i++) {
    const a = frames[i - 1].thumbnail;
    const b = frames[i].thumbnail;
    if (!a || !b) continue;
    let sum = 0;
    for (let k = 0; k < a.length; k++) sum += Math.abs(a[k] - b[k]);
    if (sum / a.length < threshold) repeats++;
  }
  return repeats;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
