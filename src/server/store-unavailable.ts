import { StoreUnavailableError } from '../../adapters/errors.js';

/** Seconds a client should wait before repeating a request that met a store outage. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** What the person or the client is told during a store outage. */
export const STORE_UNAVAILABLE_MESSAGE = 'The sign-in service cannot reach its storage. Try again in a moment.';

/** A store outage, however deep in a cause chain (oidc-provider may wrap what an adapter threw). */
export function isStoreUnavailable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof StoreUnavailableError) return true;
  }
  return false;
}
