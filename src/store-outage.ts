/**
 * A store outage, as every client is told it: 503 temporarily_unavailable (OAuth's word for it),
 * with a Retry-After, since the request may be repeated once the store is back, no restart needed.
 */
import type { Context, Middleware } from 'koa';
import { StoreUnavailableError } from '../adapters/errors.js';
import { FacegateError } from './errors.js';
import { inEnglish, say } from './sentences.js';

/** Seconds a client should wait before repeating a request that met a store outage. */
const STORE_RETRY_AFTER_SECONDS = 5;

/** A store outage, however deep in a cause chain (oidc-provider may wrap what an adapter threw). */
export function isStoreUnavailable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof StoreUnavailableError) return true;
  }
  return false;
}

/** The outage as the person or the pages' scripts are told it. */
export function storeOutage(cause: unknown): FacegateError {
  return new FacegateError('temporarily_unavailable', say('temporarily_unavailable'), {
    status: 503,
    expose: true,
    retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
    cause,
  });
}

/** The OAuth error body of a store outage, for clients that read JSON. */
export const STORE_UNAVAILABLE_BODY = {
  error: 'temporarily_unavailable',
  error_description: inEnglish(say('temporarily_unavailable')),
} as const;

/** 503 with Retry-After, on a response whose body is written elsewhere (oidc-provider's, or the OAuth body). */
export function markStoreUnavailable(ctx: Pick<Context, 'set'> & { status: number }): void {
  ctx.status = 503;
  ctx.set('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
}

/** The answer to a store outage: the error page (`pageFailure`) for a browser, the OAuth error JSON for any other client. */
export function outageAnswer(pageFailure: Middleware): Middleware {
  return async (ctx, next) => {
    if (ctx.accepts('json', 'html') === 'html') return pageFailure(ctx, next);
    markStoreUnavailable(ctx);
    ctx.body = { ...STORE_UNAVAILABLE_BODY };
  };
}
