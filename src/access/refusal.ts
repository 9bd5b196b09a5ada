/**
 * An attempt refused, as the page is told it: the code and the sentence of what went wrong, its
 * status (422 for what the frames show, or the status of the error behind it: an unreadable
 * image is a 400), and what the page shows beside it (the attempts left, the picture refused).
 */
import { FacegateError } from '../errors.js';
import { SENTENCES, tooManyAttemptsSentence, type SentenceCode } from '../sentences.js';

export function refusal(
  reason: FacegateError | SentenceCode,
  fields: Record<string, unknown> = {},
  message?: string,
): FacegateError {
  if (typeof reason === 'string')
    return new FacegateError(reason, message ?? SENTENCES[reason], { status: 422, fields });
  return new FacegateError(reason.code, message ?? reason.message, {
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
