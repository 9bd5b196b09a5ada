import type { ServerResponse } from 'node:http';
import { requestContext } from './request-context.js';

/**
 * Adds a Server-Timing header to a response about to write its headers (http-server.ts calls it
 * then): where the request's time went (time-spent.ts), after whatever stages a route named itself
 * (the face snapshot's read, face and finish). Durations only: nothing about the account, the
 * client or the image. Runs within withRequestLog, which gives each request its context.
 */
export function addServerTiming(res: ServerResponse): void {
  const spent = requestContext.getStore()?.spent;
  if (!spent) return;
  const own = res.getHeader('Server-Timing');
  const timing = spent.serverTiming();
  res.setHeader('Server-Timing', own ? `${String(own)}, ${timing}` : timing);
}
