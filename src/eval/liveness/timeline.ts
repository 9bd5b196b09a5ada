/**
 * When, in a burst of frames, each move of a challenge happens: the person first faces the camera,
 * then performs each move (into it and out of it), as the page's prompts ask. Attacks and bona fide
 * sequences follow the same timeline, so only what they show differs.
 */
import type { Move } from '../../face/liveness/challenge.js';

/** Per frame: which move is under way ("centre" when none) and how far into it (0..1). */
export interface Beat {
  move: Move | 'centre';
  amount: number;
}

export function timeline(moves: readonly Move[]): Beat[] {
  const beats: Beat[] = [{ move: 'centre', amount: 0 }, { move: 'centre', amount: 0 }];
  for (const move of moves) {
    beats.push({ move, amount: 0.6 }, { move, amount: 1 }, { move, amount: 0.6 }, { move: 'centre', amount: 0 });
  }
  return beats;
}
