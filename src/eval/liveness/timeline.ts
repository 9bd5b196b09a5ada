/**
 * Where each frame of a challenge's timeline stands, for attacks that mimic it with a flat picture:
 * which move is under way ("centre" when none) and how far into it (0..1). A move's first frame is
 * caught on the way, the rest at full stretch.
 */
import type { Step } from '../../face/liveness/challenge.js';

export interface Beat {
  move: Step['move'];
  amount: number;
}

export function beats(steps: readonly Step[]): Beat[] {
  return steps.flatMap((step) =>
    Array.from({ length: step.frames }, (_, f) => ({
      move: step.move,
      amount: step.move === 'centre' ? 0 : f === 0 ? 0.6 : 1,
    })),
  );
}
