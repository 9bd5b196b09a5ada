/**
 * A liveness challenge as the page receives it: the token to send back with the burst, and the
 * prompts to show, move by move, with how many frames to take for each.
 */
import { MOVE_PROMPTS } from '../src/face/liveness/challenge.js';
import { BURST } from '../src/face/liveness/settings.js';
import { CHALLENGE_SECONDS, type Challenge } from '../src/signin/challenges.js';

/** Frames per beat: two facing the camera, then three into each move and one back at the centre. */
const FRAMES = { start: 2, move: 3, back: 1 } as const;

export function challengeAnswer({ token, challenge }: { token: string; challenge: Challenge }) {
  const steps = [
    { prompt: 'Look at the camera', move: 'centre', frames: FRAMES.start },
    ...challenge.moves.flatMap((move) => [
      { prompt: MOVE_PROMPTS[move], move, frames: FRAMES.move },
      { prompt: 'Back to the camera', move: 'centre', frames: FRAMES.back },
    ]),
  ];
  const frames = steps.reduce((n, s) => n + s.frames, 0);
  if (frames < BURST.min || frames > BURST.max) throw new Error(`a challenge of ${frames} frames is outside ${BURST.min}..${BURST.max}`);
  return { challenge: token, steps, frameIntervalMs: 280, expiresIn: CHALLENGE_SECONDS };
}
