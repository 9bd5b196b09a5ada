import { StoreUnavailableError } from '../../adapters/errors.js';

/** A store outage, however deep in a cause chain (oidc-provider may wrap what an adapter threw). */
export function isStoreUnavailable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof StoreUnavailableError) return true;
  }
  return false;
}
