/**
 * The active liveness challenge: a short random sequence of head movements, and a random timeline
 * that says how many frames the page takes at each step. A flat picture cannot perform the moves
 * (pose.ts); a recording made in advance had to guess them (six orders of two distinct moves out
 * of three), and a burst recorded for another challenge rarely fits this one's timeline: the frames
 * of each step must show that step's pose (burst-check.ts).
 */
import { randomInt } from 'node:crypto';

export type Move = 'left' | 'right' | 'up';

export const MOVES: readonly Move[] = ['left', 'right', 'up'];

/** One step of the timeline: a move held, or the face towards the camera, for `frames` frames. */
export interface Step {
  move: Move | 'centre';
  frames: number;
}

/** Frames at the start (facing the camera, the pose every move is measured from). */
const START_FRAMES = 2;
/** Frames a move is held for (a move counts once held for two: HOLD in burst-check.ts), and frames back at the centre after it. */
const MOVE_FRAMES = [3, 4] as const;
const BACK_FRAMES = [1, 2] as const;
/** A burst of two moves has 10 to 12 frames. */
export const BURST_FRAMES = { min: 10, max: 12 } as const;

export type RandomInt = (max: number) => number;

/** Two distinct moves (out of `among`) in a random order. */
export function randomMoves(random: RandomInt = randomInt, count = 2, among: readonly Move[] = MOVES): Move[] {
  const pool = [...among];
  const moves: Move[] = [];
  while (moves.length < count) moves.push(pool.splice(random(pool.length), 1)[0]);
  return moves;
}

/**
 * The steps for `moves`: two frames facing the camera, then each move held for 3 or 4 frames and
 * 1 or 2 back at the centre, drawn at random among the splits of BURST_FRAMES (eleven for two moves).
 */
export function randomTimeline(moves: readonly Move[], random: RandomInt = randomInt): Step[] {
  const splits = timelineSplits(moves.length);
  const split = splits[random(splits.length)];
  return [
    { move: 'centre', frames: START_FRAMES },
    ...moves.flatMap((move, i): Step[] => [
      { move, frames: split[2 * i] },
      { move: 'centre', frames: split[2 * i + 1] },
    ]),
  ];
}

/** Every (move frames, back frames) per move that adds up to a length within BURST_FRAMES. */
export function timelineSplits(moveCount: number): number[][] {
  let splits: number[][] = [[]];
  for (let i = 0; i < moveCount; i++) {
    splits = splits.flatMap((s) => MOVE_FRAMES.flatMap((m) => BACK_FRAMES.map((b) => [...s, m, b])));
  }
  return splits.filter((s) => {
    const frames = START_FRAMES + s.reduce((a, b) => a + b, 0);
    return frames >= BURST_FRAMES.min && frames <= BURST_FRAMES.max;
  });
}

export function framesOf(steps: readonly Step[]): number {
  return steps.reduce((n, s) => n + s.frames, 0);
}

/** The step each frame of a burst belongs to, frame by frame (with its index in the timeline). */
export function stepOfFrames(steps: readonly Step[]): { step: Step; index: number; first: boolean }[] {
  return steps.flatMap((step, index) =>
    Array.from({ length: step.frames }, (_, f) => ({ step, index, first: f === 0 })),
  );
}

export function isMove(value: unknown): value is Move {
  return typeof value === 'string' && (MOVES as readonly string[]).includes(value);
}

/**
 * The timeline of `moves` with these frame counts per step (centre, then each move and the centre
 * after it), when they make one the challenge could have issued; else undefined.
 */
export function timelineOf(moves: readonly Move[], frames: unknown): Step[] | undefined {
  if (!Array.isArray(frames) || frames.length !== 1 + 2 * moves.length) return undefined;
  if (!frames.every((n) => Number.isInteger(n) && n > 0)) return undefined;
  const steps: Step[] = [
    { move: 'centre', frames: frames[0] },
    ...moves.flatMap((move, i): Step[] => [
      { move, frames: frames[1 + 2 * i] },
      { move: 'centre', frames: frames[2 + 2 * i] },
    ]),
  ];
  const total = framesOf(steps);
  return total >= BURST_FRAMES.min && total <= BURST_FRAMES.max ? steps : undefined;
}
