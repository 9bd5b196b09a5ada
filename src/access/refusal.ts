/**
 * An attempt refused, as the page is told it: the code and the sentence of what went wrong, its
 * status (422 for what the frames show, or the status of the error behind it: an unreadable
 * image is a 400), and what the page shows beside it (the attempts left, the picture refused).
 */
import { FacegateError, type Said } from '../errors.js';
import type { SentenceKey } from '../messages/translate.js';
import { say, tooManyAttemptsSentence } from '../sentences.js';

export function refusal(
  reason: FacegateError | SentenceKey,
  fields: Record<string, unknown> = {},
  said?: Said,
): FacegateError {
  if (typeof reason === 'string') return new FacegateError(reason, said ?? say(reason), { status: 422, fields });
  return new FacegateError(reason.code, said ?? reason.said, {
    status: reason.status,
    expose: reason.expose,
    retryAfterSeconds: reason.retryAfterSeconds,
    fields: { ...reason.fields, ...fields },
    cause: reason,
  });
}

/** Too many attempts from this client, or on this account from its network: when to come back. */
export function tooManyAttempts(retryAfterSeconds: number): FacegateError {
  return new FacegateError('too_many_attempts', tooManyAttemptsSentence(retryAfterSeconds), {
    status: 429,
    retryAfterSeconds,
  });
}
