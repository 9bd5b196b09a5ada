/**
 * The one place where a failure inside our routes becomes an answer: the routes and the services
 * throw, and this renders a page for the pages and JSON for the endpoints the pages' scripts call,
 * from the error's code, status and sentences (a FacegateError), in the request's language (words.ts). What others throw is described
 * once, here: a store outage (a 503 with Retry-After, never a 500), oidc-provider's errors (an
 * expired interaction among them), Koa's (a body that does not parse), and anything else (a 500
 * whose cause goes to the log, not to the page).
 */
import Koa, { type Context, type Next } from 'koa';
import { errors } from 'oidc-provider';
import { FacegateError } from '../src/errors.js';
import { say } from '../src/sentences.js';
import { isStoreUnavailable, storeOutage } from '../src/store-outage.js';
import { renderPage } from './views.js';
import { type Words, wordsFor } from './words.js';

/** The sign-in's interaction is gone (expired, finished, or this browser never had it): the page says so in its heading. */
class InteractionExpired extends FacegateError {
  constructor(cause: unknown) {
    super('invalid_request', say('interaction_expired'), { status: 400, cause });
  }
}

function asFacegateError(error: unknown): FacegateError {
  if (isStoreUnavailable(error)) return storeOutage(error);
  if (error instanceof FacegateError) return error;
  if (error instanceof errors.SessionNotFound) return new InteractionExpired(error);
  if (error instanceof errors.OIDCProviderError) {
    return new FacegateError(error.error, error.error_description ?? say('server_error'), {
      status: error.status,
      expose: error.expose,
      cause: error,
    });
  }
  if (error instanceof Koa.HttpError) {
    return new FacegateError(error.status < 500 ? 'invalid_request' : 'server_error', error.message, {
      status: error.status,
      expose: error.expose,
      cause: error,
    });
  }
  return new FacegateError('server_error', say('server_error'), { cause: error });
}

/** Sets the status and Retry-After; a fault the person is not told about goes to the log. */
function answered(ctx: Context, error: unknown, words: Words): { failure: FacegateError; message: string } {
  const failure = asFacegateError(error);
  ctx.status = failure.status;
  if (failure.retryAfterSeconds !== undefined) ctx.set('Retry-After', String(failure.retryAfterSeconds));
  if (failure.status >= 500 && !(error instanceof FacegateError && error.expose)) ctx.app.emit('error', error, ctx);
  return { failure, message: failure.expose ? words.said(failure) : words.t('server_error') };
}

/** On the pages: a page that says what happened. */
export async function renderFailures(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    const words = wordsFor(ctx);
    const { failure, message } = answered(ctx, error, words);
    if (failure instanceof InteractionExpired) {
      renderPage(ctx, 'error', words, {
        title: words.t('error.expired_title'),
        heading: words.t('error.expired_heading'),
        error: failure.code,
        description: message,
      });
    } else {
      renderPage(ctx, 'error', words, { title: words.t('error.title'), error: failure.code, description: message });
    }
  }
}

/**
 * On the endpoints the pages' scripts call: the JSON they read, `{ status: 'refused', error,
 * message, retryAfter?, ...fields }` (a field may name another status for the page to act on).
 */
export async function answerFailures(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    const words = wordsFor(ctx);
    const { failure, message } = answered(ctx, error, words);
    ctx.body = {
      status: 'refused',
      error: failure.code,
      // The error page says this in a paragraph of its own; the JSON has only its message, so it says it there.
      message: failure instanceof InteractionExpired ? `${message} ${words.t('start_again')}` : message,
      ...(failure.retryAfterSeconds === undefined ? {} : { retryAfter: failure.retryAfterSeconds }),
      ...failure.fields,
    };
  }
}
