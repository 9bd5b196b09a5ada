import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Span, TimeSpent } from './time-spent.js';

/** The request being handled: its id, for every log line, where its time goes, and what its response waits for. */
export interface RequestContext {
  requestId: string;
  spent: TimeSpent;
  req: IncomingMessage;
  res: ServerResponse;
  /** The commits its response waits for (held-responses.ts); set by the first. */
  held?: HeldEnd;
}

/** A response whose end waits for commits. */
export interface HeldEnd {
  commits: Promise<void>[];
  /** Set when the handler ends the response: settles once it has really ended (or been answered otherwise). */
  ended?: Promise<void>;
}

/**
 * The request being handled, wherever the code is: the audit trail, oidc-provider's error events
 * and the face pipeline's callers log through the server's logger without being handed the
 * request, and their lines still carry its id (the logger's mixin reads it from here); the store
 * and the face engine add the time they took to it (time-spent.ts).
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Adds a span to the time of the request being handled, if there is one (not a sweep, not a start). */
export function spend(span: Span, start: number, end: number): void {
  requestContext.getStore()?.spent.add(span, start, end);
}
