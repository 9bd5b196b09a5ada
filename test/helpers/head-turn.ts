/**
 * A person turning their head for the liveness tests: one of face-api's demo faces (an npm
 * fixture, so these tests run on any machine) animated as `facegate eval-liveness` animates its
 * bona fide people (src/eval/liveness/animate.ts), as a burst or as a webcam video that follows the
 * sign-in page's schedule.
 */
import type { FaceEngine } from '../../src/face/engine.js';
import { randomTimeline, type Move, type Step } from '../../src/face/liveness/challenge.js';
import { livenessSettings } from '../../src/face/liveness/settings.js';
import { analyzeBurst } from '../../src/face/liveness/analyze-burst.js';
import { checkBurst } from '../../src/face/liveness/burst-check.js';
import { filmPoses, performerFrom, performFrames, type Performer } from '../../src/eval/liveness/animate.js';
import { AT_REST, type HeadPose } from '../../src/eval/liveness/head-model.js';
import { portrait, FACE_COUNT } from './face-fixtures.js';

export interface HeadTurn {
  /** Which demo face (portrait(i)) turns. */
  portrait: number;
  performer: Performer;
}

/** The first demo face (but those `except`) whose animated burst for `steps` passes the liveness check as it stands. */
export async function findHeadTurn(
  engine: FaceEngine,
  steps: readonly Step[],
  except: readonly number[] = [],
): Promise<HeadTurn> {
  const settings = livenessSettings(engine.spec.embedder);
  for (let i = FACE_COUNT - 1; i >= 0; i--) {
    if (except.includes(i)) continue;
    const performer = await performerFrom(engine, await portrait(i), i);
    if (!performer) continue;
    const analyses = await analyzeBurst(engine, await performFrames(performer, steps, 1)).catch(() => []);
    if (checkBurst(analyses, steps, settings).kind === 'live') return { portrait: i, performer };
  }
  throw new Error('no demo face performs a live burst: the animation or the liveness check has changed');
}

/** The burst the page would send for `steps`. */
export function headTurnFrames(turn: HeadTurn, steps: readonly Step[], seed = 1): Promise<Buffer[]> {
  return performFrames(turn.performer, steps, seed);
}

/** When the page (public/camera.js) takes each frame, in ms from pressing "Verify": a pause, then the step's frames a beat apart. */
export const PAGE_SCHEDULE = { firstPause: 400, stepPause: 700, interval: 280 } as const;

/**
 * A webcam video of the head turn, `fps` frames a second, timed to the page's schedule for
 * `steps`: the head starts to move `reactionMs` after each prompt, takes 400 ms to get there, and
 * holds until the next prompt. `leadMs` of facing the camera come first.
 */
export function headTurnVideo(
  turn: HeadTurn,
  steps: readonly Step[],
  fps: number,
  options: { leadMs?: number; reactionMs?: number; tailMs?: number } = {},
): Promise<Buffer[]> {
  const { leadMs = 0, reactionMs = 100, tailMs = 1500 } = options;
  const starts: number[] = [];
  let t = 0;
  for (const [i, step] of steps.entries()) {
    starts.push(t);
    t += (i === 0 ? PAGE_SCHEDULE.firstPause : PAGE_SCHEDULE.stepPause) + step.frames * PAGE_SCHEDULE.interval;
  }
  const moveAt = (ms: number): { move: Step['move']; amount: number } => {
    let current: Step['move'] = 'centre',
      previous: Step['move'] = 'centre',
      since = -Infinity;
    steps.forEach((step, i) => {
      if (ms >= starts[i] + reactionMs) {
        previous = current;
        current = step.move;
        since = ms - starts[i] - reactionMs;
      }
    });
    const eased = Math.min(1, since / 400);
    if (current !== 'centre') return { move: current, amount: eased };
    return { move: previous, amount: previous === 'centre' ? 0 : 1 - eased };
  };
  const poses: { pose: HeadPose; amount: number }[] = [];
  for (let ms = -leadMs; ms < t + tailMs; ms += 1000 / fps) {
    const { move, amount } = moveAt(ms);
    const yaw = move === 'left' ? 32 * amount : move === 'right' ? -32 * amount : 0;
    const pitch = move === 'up' ? 24 * amount : 0;
    poses.push({ pose: { ...AT_REST, yaw, pitch }, amount });
  }
  return filmPoses(turn.performer, poses, 7);
}

/** A challenge picker that always asks for `moves` (FacegateOptions.challengeMoves). */
export function askFor(moves: readonly Move[]): (max: number) => number {
  const pool: Move[] = ['left', 'right', 'up'];
  let next = 0;
  return () => {
    const move = moves[next++ % moves.length];
    const index = pool.indexOf(move);
    pool.splice(index, 1);
    if (pool.length === 1) pool.splice(0, pool.length, 'left', 'right', 'up');
    return index;
  };
}

/** The timeline picker that always takes the first split (FacegateOptions.challengeTimeline): 3 frames per move, 1 back, 10 in all. */
export const firstTimeline = (): number => 0;

/** The steps a challenge of `moves` gets with `firstTimeline`. */
export function firstTimelineFor(moves: readonly Move[]): Step[] {
  return randomTimeline(moves, firstTimeline);
}
