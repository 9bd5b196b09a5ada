import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while a request is handled should say about it. */
export interface RequestContext {
  requestId: string;
}

/**
 * The request being handled, wherever the code is: the audit trail, oidc-provider's error events
 * and the face pipeline's callers log through the server's logger without being handed the
 * request, and their lines still carry its id (the logger's mixin reads it from here).
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();
