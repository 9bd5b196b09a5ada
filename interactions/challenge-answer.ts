/**
 * A liveness challenge as the page receives it: the token to send back with the burst, and the
 * prompts to show, step by step, in the person's language, with how many frames to take for each
 * (the server's timeline).
 */
import { CHALLENGE_SECONDS, type Challenge } from '../src/access/challenges.js';
import type { Words } from './words.js';

export function challengeAnswer({ token, challenge }: { token: string; challenge: Challenge }, words: Words) {
  const steps = challenge.steps.map((step, i) => ({
    prompt: words.t(step.move === 'centre' ? (i === 0 ? 'prompt.start' : 'prompt.back') : `prompt.${step.move}`),
    move: step.move,
    frames: step.frames,
  }));
  return { challenge: token, steps, frameIntervalMs: 280, expiresIn: CHALLENGE_SECONDS };
}
