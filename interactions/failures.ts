/**
 * What a failure inside our routes becomes: a page for the pages, JSON for the endpoints the pages'
 * scripts call, both with the right status. A store outage is a 503 with Retry-After (the request
 * may be repeated once the store is back, no restart needed), never a 500.
 */
import type { Context, Next } from 'koa';
import { errors } from 'oidc-provider';
import { isStoreUnavailable, markStoreUnavailable, STORE_UNAVAILABLE_MESSAGE } from '../src/server/store-unavailable.js';
import { renderPage } from './views.js';

const EXPIRED = 'This sign-in page is no longer valid: it was left open too long, finished already, or opened in another browser.';
const BROKEN = 'The sign-in service had a problem. Try again in a moment.';
/** The error page says this in a paragraph of its own; the JSON the scripts read has only its message, so it says it there. */
const START_AGAIN = 'Go back to the application and sign in again.';

interface Failure {
  status: number;
  code: string;
  message: string;
  /** The sign-in's interaction is gone (expired, finished, or this browser never had it). */
  expired: boolean;
}

function describe(error: unknown): Failure {
  const e = error as { status?: number; statusCode?: number; expose?: boolean; error?: string; error_description?: string; message?: string };
  const status = isStoreUnavailable(error) ? 503 : e.statusCode ?? e.status ?? 500;
  const code = status === 503 ? 'temporarily_unavailable' : e.error ?? (status < 500 ? 'invalid_request' : 'server_error');
  const expired = error instanceof errors.SessionNotFound;
  const message = expired ? EXPIRED
    : status < 500 && (e.error_description ?? (e.expose ? e.message : undefined)) || (status === 503 ? STORE_UNAVAILABLE_MESSAGE : BROKEN);
  return { status, code, message, expired };
}

/** Sets the status (and Retry-After for an outage); a server fault also goes to the log. */
function answered(ctx: Context, error: unknown): Failure {
  const failure = describe(error);
  if (failure.status === 503) markStoreUnavailable(ctx);
  else ctx.status = failure.status;
  if (failure.status >= 500) ctx.app.emit('error', error, ctx);
  return failure;
}

/** On the pages: a page that says what happened. */
export async function renderFailures(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    const { code, message, expired } = answered(ctx, error);
    if (expired) renderPage(ctx, 'error', { title: 'Sign-in expired', heading: 'This sign-in has expired', error: code, description: message });
    else renderPage(ctx, 'error', { title: 'Sign-in error', error: code, description: message });
  }
}

/** On the endpoints the pages' scripts call: the JSON they read, `{ status, error, message }`. */
export async function answerFailures(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    const { code, message, expired } = answered(ctx, error);
    ctx.body = { status: 'refused', error: code, message: expired ? `${message} ${START_AGAIN}` : message };
  }
}
