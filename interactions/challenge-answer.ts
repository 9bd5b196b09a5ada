/**
 * A liveness challenge as the page receives it: the token to send back with the burst, and the
 * prompts to show, step by step, with how many frames to take for each (the server's timeline).
 */
import { MOVE_PROMPTS } from '../src/face/liveness/challenge.js';
import { CHALLENGE_SECONDS, type Challenge } from '../src/access/challenges.js';

const CENTRE_PROMPTS = { start: 'Look at the camera', back: 'Back to the camera' } as const;

export function challengeAnswer({ token, challenge }: { token: string; challenge: Challenge }) {
  const steps = challenge.steps.map((step, i) => ({
    prompt: step.move === 'centre' ? CENTRE_PROMPTS[i === 0 ? 'start' : 'back'] : MOVE_PROMPTS[step.move],
    move: step.move,
    frames: step.frames,
  }));
  return { challenge: token, steps, frameIntervalMs: 280, expiresIn: CHALLENGE_SECONDS };
}
