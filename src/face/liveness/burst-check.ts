/**
 * Does a burst of frames look like one camera watching one person for three seconds, performing
 * the moves the server picked, step by step on the server's timeline? Checks, in order:
 * - the burst has exactly the timeline's frames, and enough of them show one face;
 * - frames are not repeats of one another, and no turn is the mirror image of the other (mirror.ts);
 * - one continuous scene: from each frame to the next, the background stays (up to a camera move,
 *   exposure and white balance) and the face box moves and grows only a little (scene.ts);
 * - one person: each frame is near the burst's opening frames, by a bound that allows for the head
 *   being turned (a bound between neighbouring frames was measured too, and stopped nothing this
 *   one does not: it is not kept);
 * - each step shows its pose: a move step holds that move, a centre step faces the camera.
 * Pure: it only reads the analyses the engine made of each frame. Matching the frames against an
 * enrolled account is the recognizer's (recognizer.ts); this check knows no account.
 */
import { distance } from '../match/distance.js';
import type { Metric } from '../embed/spec.js';
import type { FaceAnalysis } from '../pipeline.js';
import { fuse } from '../embed/vectors.js';
import { framesOf, stepOfFrames, type Move, type Step } from './challenge.js';
import { facePose, type Pose } from './pose.js';
import { sceneChange, type SceneChange, type SceneFrame } from './scene.js';
import { round } from '../round.js';
import { leastMirrorDissimilarity } from './mirror.js';

export interface SceneLimits {
  /** Largest log gain of a colour channel between consecutive frames (exposure, white balance). */
  gain: number;
  /** Largest dissimilarity of the background between consecutive frames (1 minus their correlation). */
  background: number;
  /** Largest share of the background's cells that changed between consecutive frames (the camera's move and exposure undone). */
  changed: number;
  /** Largest move of the face against the background between consecutive frames, in face widths. */
  shift: number;
  /** Largest log change of the face's size between consecutive frames. */
  resize: number;
  /** Smallest share of the picture left as background (less: the face is too close to judge the room). */
  minBackgroundShare: number;
}

/** How far one person's frames stay from a reference (the burst's opening, or the account), by pose, in the embedder's distance. */
export interface FrameBounds {
  /** A frame facing the camera. */
  facing: number;
  /** A frame with the head turned or tilted. */
  turned: number;
}

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
  /** Least dissimilarity (1 minus correlation of thumbnails) between a left turn and a right turn flipped: less is a mirror image. */
  minMirrorDissimilarity: number;
  scene: SceneLimits;
  /** Within the burst: each frame against the opening frames. */
  sameFace: FrameBounds;
  metric: Metric;
}

export type LivenessFailure =
  | 'wrong_frame_count'
  | 'too_few_frames'
  | 'repeated_frames'
  | 'mirrored_frames'
  | 'too_close'
  | 'scene_changed'
  | 'not_same_person'
  | 'no_movement'
  | 'wrong_movement';

export type Label = Move | 'down' | 'centre';

/** The frames of a burst in order; undefined where no usable face was found. */
export type BurstFrames = readonly (FaceAnalysis | undefined)[];

export type LivenessVerdict =
  | { kind: 'live'; frontal: number[]; labels: (Label | undefined)[]; poses: (Pose | undefined)[] }
  | {
      kind: 'not_live';
      reason: LivenessFailure;
      labels?: (Label | undefined)[];
      detail?: Record<string, number | string>;
    };

/** Everything the check measures of a burst, before any limit is applied (the evaluation reads it too). */
export interface BurstMeasures {
  frames: number;
  expected: number;
  /** Frames with a usable face, and those of the opening step. */
  present: number[];
  start: number[];
  repeats: number;
  /** From each present frame to the next. */
  scene: { frame: number; change: SceneChange }[];
  poses: (Pose | undefined)[];
  labels: (Label | undefined)[];
  /** The least dissimilarity between a frame turned left and one turned right, flipped (mirror.ts); Infinity without both. */
  mirror: number;
  /** Each present frame's distance to the opening frames (fused). */
  identity: { frame: number; label: Label; reference: number }[];
  /** The first step not performed, if any. */
  unperformed: { step: number; asked: string; seen: string; performedNone: boolean } | undefined;
}

export function measureBurst(
  frames: BurstFrames,
  steps: readonly Step[],
  settings: Pick<LivenessSettings, 'yawThreshold' | 'pitchThreshold' | 'repeatDifference' | 'metric'>,
): BurstMeasures {
  const present = frames.flatMap((f, i) => (f ? [i] : []));
  const start =
    frames.length === framesOf(steps)
      ? stepOfFrames(steps).flatMap((s, i) => (s.index === 0 && frames[i] ? [i] : []))
      : [];
  const measures: BurstMeasures = {
    frames: frames.length,
    expected: framesOf(steps),
    present,
    start,
    repeats: countRepeats(frames, present, settings.repeatDifference),
    scene: [],
    poses: [],
    labels: [],
    mirror: Infinity,
    identity: [],
    unperformed: undefined,
  };
  if (start.length === 0) return measures;
  for (let k = 1; k < present.length; k++) {
    measures.scene.push({
      frame: present[k]!,
      change: sceneChange(sceneOf(frames[present[k - 1]!]!), sceneOf(frames[present[k]!]!)),
    });
  }
  measures.poses = frames.map((f) => (f ? facePose(f) : undefined));
  measures.labels = labelPoses(measures.poses, start, settings);
  measures.mirror = leastMirrorDissimilarity(
    frames.map((f) => f?.thumbnail),
    measures.labels,
  );
  const opening = fuse(start.map((i) => frames[i]!.embedding));
  measures.identity = identityAlong(present, measures.labels, (i) =>
    distance(opening, frames[i]!.embedding, settings.metric),
  );
  measures.unperformed = stepsNotPerformed(steps, measures.labels);
  return measures;
}

export function checkBurst(frames: BurstFrames, steps: readonly Step[], settings: LivenessSettings): LivenessVerdict {
  return judgeBurst(measureBurst(frames, steps, settings), settings);
}

/** The verdict on a burst's measures: the first limit broken, in the order of the module's comment. */
export function judgeBurst(m: BurstMeasures, settings: LivenessSettings): LivenessVerdict {
  if (m.frames !== m.expected)
    return { kind: 'not_live', reason: 'wrong_frame_count', detail: { frames: m.frames, expected: m.expected } };
  if (m.present.length < settings.minFrames || m.start.length === 0)
    return { kind: 'not_live', reason: 'too_few_frames', detail: { frames: m.present.length } };
  if (m.repeats > settings.maxRepeatShare * (m.present.length - 1)) {
    return { kind: 'not_live', reason: 'repeated_frames', detail: { repeats: m.repeats, pairs: m.present.length - 1 } };
  }
  if (m.mirror < settings.minMirrorDissimilarity)
    return {
      kind: 'not_live',
      reason: 'mirrored_frames',
      detail: { measure: 'mirror', value: round(m.mirror, 4), limit: settings.minMirrorDissimilarity },
    };
  for (const { frame, change } of m.scene) {
    if (change.backgroundShare < settings.scene.minBackgroundShare) {
      return {
        kind: 'not_live',
        reason: 'too_close',
        detail: { frame, backgroundShare: round(change.backgroundShare, 4) },
      };
    }
    const broken = brokenSceneLimit(change, settings.scene);
    if (broken)
      return {
        kind: 'not_live',
        reason: 'scene_changed',
        detail: { frame, measure: broken, value: round(change[broken], 4), limit: settings.scene[broken] },
      };
  }
  const stranger = firstStranger(m.identity, settings.sameFace);
  if (stranger)
    return {
      kind: 'not_live',
      reason: 'not_same_person',
      labels: m.labels,
      detail: { ...stranger, against: 'opening frames' },
    };
  const wrong = m.unperformed;
  if (wrong)
    return {
      kind: 'not_live',
      reason: wrong.performedNone ? 'no_movement' : 'wrong_movement',
      labels: m.labels,
      detail: { step: wrong.step, asked: wrong.asked, seen: wrong.seen },
    };
  return { kind: 'live', frontal: m.present.filter((i) => m.labels[i] === 'centre'), labels: m.labels, poses: m.poses };
}

/** Each present frame's distance to a reference (`fromReference` measures frame i's). */
export function identityAlong(
  present: readonly number[],
  labels: readonly (Label | undefined)[],
  fromReference: (frame: number) => number,
): BurstMeasures['identity'] {
  return present.map((i) => ({ frame: i, label: labels[i] ?? 'centre', reference: fromReference(i) }));
}

/** The first frame that is not the reference's person, by the bound for its pose, or undefined. */
export function firstStranger(
  identity: BurstMeasures['identity'],
  bounds: FrameBounds,
): Record<string, number | string> | undefined {
  for (const { frame, label, reference } of identity) {
    const bound = label === 'centre' ? bounds.facing : bounds.turned;
    if (reference > bound) return { frame, pose: label, distance: round(reference, 4), bound };
  }
  return undefined;
}

function sceneOf(frame: FaceAnalysis): SceneFrame {
  if (!frame.scene) throw new Error('a burst frame without its scene sample: analyse burst frames with analyzeFrame');
  return { image: frame.image, box: frame.box, scene: frame.scene };
}

function brokenSceneLimit(
  change: SceneChange,
  limits: SceneLimits,
): (keyof SceneLimits & keyof SceneChange) | undefined {
  return (['background', 'changed', 'gain', 'shift', 'resize'] as const).find(
    (measure) => change[measure] > limits[measure],
  );
}

/**
 * Each frame's movement against the opening frames' pose (the person starts facing the camera).
 * A frame counts as a move only past its threshold, and as the move that exceeds it most.
 */
export function labelPoses(
  poses: readonly (Pose | undefined)[],
  start: readonly number[],
  settings: Pick<LivenessSettings, 'yawThreshold' | 'pitchThreshold'>,
): (Label | undefined)[] {
  const bx = median(start.map((i) => poses[i]!.x));
  const by = median(start.map((i) => poses[i]!.y));
  return poses.map((pose) => {
    if (!pose) return undefined;
    const scores: [Label, number][] = [
      ['left', (pose.x - bx) / settings.yawThreshold],
      ['right', (bx - pose.x) / settings.yawThreshold],
      ['up', (by - pose.y) / settings.pitchThreshold],
      ['down', (pose.y - by) / settings.pitchThreshold],
    ];
    const [label, score] = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
    return score >= 1 ? label : 'centre';
  });
}

/** Frames a move must be held for within its step: a single frame past a threshold is landmark noise, not a move. */
const HOLD = 2;

/**
 * The first step whose frames do not show its pose, or undefined. A move step must show its move
 * in every frame but the first, which may still face the camera (people start a beat late, and are
 * asked to turn slowly); a centre step must face the camera in every frame (the page waits before
 * taking it). Tolerating a late return as well would let a burst recorded for another timeline of
 * the same moves pass 19 times in 110 instead of 3 (every pair of timelines, counted). A frame
 * without a face counts as neither.
 */
function stepsNotPerformed(
  steps: readonly Step[],
  labels: readonly (Label | undefined)[],
): { step: number; asked: string; seen: string; performedNone: boolean } | undefined {
  const byStep = steps.map(() => [] as (Label | undefined)[]);
  stepOfFrames(steps).forEach(({ index }, i) => byStep[index]!.push(labels[i]));
  // No movement at all (rather than the wrong one): every frame faces the camera.
  const performedNone = labels.every((l) => l === undefined || l === 'centre');
  for (const [s, step] of steps.entries()) {
    const seen = byStep[s]!;
    const ok =
      step.move === 'centre'
        ? seen.every((l) => l === undefined || l === 'centre')
        : seen.filter((l) => l === step.move).length >= HOLD &&
          seen.every((l, f) => l === undefined || l === step.move || (f === 0 && l === 'centre'));
    if (!ok) return { step: s, asked: step.move, seen: seen.map((l) => l ?? 'none').join(','), performedNone };
  }
  return undefined;
}

function countRepeats(frames: BurstFrames, present: readonly number[], threshold: number): number {
  let repeats = 0;
  for (let k = 1; k < present.length; k++) {
    const a = frames[present[k - 1]!]!.thumbnail;
    const b = frames[present[k]!]!.thumbnail;
    if (!a || !b) continue;
    let sum = 0;
    for (let p = 0; p < a.length; p++) sum += Math.abs(a[p]! - b[p]!);
    if (sum / a.length < threshold) repeats++;
  }
  return repeats;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
