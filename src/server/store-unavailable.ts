import type { Context } from 'koa';
import { StoreUnavailableError } from '../../adapters/errors.js';

/** Seconds a client should wait before repeating a request that met a store outage. */
const STORE_RETRY_AFTER_SECONDS = 5;

/** What the person or the client is told during a store outage. */
export const STORE_UNAVAILABLE_MESSAGE = 'The sign-in service cannot reach its storage. Try again in a moment.';

/** A store outage, however deep in a cause chain (oidc-provider may wrap what an adapter threw). */
export function isStoreUnavailable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof StoreUnavailableError) return true;
  }
  return false;
}

/** The OAuth error body of a store outage, for clients that read JSON. */
export const STORE_UNAVAILABLE_BODY = { error: 'temporarily_unavailable', error_description: STORE_UNAVAILABLE_MESSAGE } as const;

/** 503 with Retry-After: the request may be repeated once the store is back, no restart needed. */
export function markStoreUnavailable(ctx: Context): void {
  ctx.status = 503;
  ctx.set('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
}
