/**
 * Which sentence the person is told, chosen by what happened: errors carry these (a key of the
 * catalogs in src/messages/, with its values), and each answer says them in the person's language.
 * `inEnglish` is what a log line or an error's `message` holds.
 */
import type { LivenessFailure } from './face/liveness/burst-check.js';
import { say, sentencesIn, type Sentence } from './messages/translate.js';

export { say, type Sentence } from './messages/translate.js';

/** The face engine's refusals and failures, each a sentence of its own. */
export const FACE_ERROR_CODES = [
  'not_an_image',
  'unsupported_format',
  'image_too_large',
  'no_face',
  'several_faces',
  'face_too_small',
  'too_dark',
  'too_blurry',
  'busy',
  'engine_failure',
] as const;

export function inEnglish(sentences: Sentence | readonly Sentence[]): string {
  return sentencesIn('en', [sentences].flat());
}

/**
 * not_live, by why (the audit keeps the exact reason; the page gets only what helps a real person
 * do better, not which check an attacker tripped).
 */
export function notLiveSentence(reason: LivenessFailure): Sentence {
  switch (reason) {
    case 'too_close':
      return say('not_live.too_close');
    case 'scene_changed':
    case 'not_same_person':
    case 'repeated_frames':
    case 'mirrored_frames':
      return say('not_live.unsteady');
    case 'wrong_frame_count':
      return say('not_live.wrong_frame_count');
    default:
      return say('not_live');
  }
}

/** too_many_attempts: when to come back, in seconds under a minute and a half, else in minutes. */
export function tooManyAttemptsSentence(retryAfterSeconds: number): Sentence {
  return retryAfterSeconds < 90
    ? say('too_many_attempts.seconds', { count: retryAfterSeconds })
    : say('too_many_attempts.minutes', { count: Math.ceil(retryAfterSeconds / 60) });
}
