import { pino, type DestinationStream, type Logger } from 'pino';
import { requestContext } from './request-context.js';

export type { Logger };

/**
 * Structured JSON lines on stdout (or `destination`). What we log is chosen field by field
 * (method, path, status, time): never headers, cookies, query strings, bodies or tokens, so
 * redaction is not needed. A line written while a request is handled carries its requestId,
 * whoever writes it.
 */
/** The current request's id for a log line (not the rest of its context). */
function requestIdOfContext(): { requestId?: string } {
  const context = requestContext.getStore();
  return context ? { requestId: context.requestId } : {};
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'facegate' }, mixin: requestIdOfContext };
  return destination ? pino(options, destination) : pino(options);
}
