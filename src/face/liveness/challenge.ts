/**
 * The active liveness challenge: a short random sequence of head movements. A flat picture cannot
 * perform it (pose.ts), and a recording made in advance had to guess the sequence: with two
 * distinct moves out of three in a random order there are six, and the burst must show exactly
 * the moves asked, nothing more.
 */
import { randomInt } from 'node:crypto';

export type Move = 'left' | 'right' | 'up';

export const MOVES: readonly Move[] = ['left', 'right', 'up'];

/** What the page tells the person, move by move. */
export const MOVE_PROMPTS: Record<Move, string> = {
  left: 'Turn your head slowly to your left',
  right: 'Turn your head slowly to your right',
  up: 'Tilt your head up',
};

export type RandomInt = (max: number) => number;

/** Two distinct moves in a random order. */
export function randomMoves(random: RandomInt = randomInt, count = 2): Move[] {
  const pool = [...MOVES];
  const moves: Move[] = [];
  while (moves.length < count) moves.push(pool.splice(random(pool.length), 1)[0]!);
  return moves;
}

export function isMove(value: unknown): value is Move {
  return typeof value === 'string' && (MOVES as readonly string[]).includes(value);
}
