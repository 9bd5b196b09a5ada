import type { ServerResponse } from 'node:http';
import type { RequestHandler } from './http-server.js';
import { requestContext } from './request-context.js';

/**
 * The handler, with a Server-Timing header on each response: where the request's time went
 * (time-spent.ts), added just before the headers are written, after whatever stages a route
 * named itself (the face snapshot's read, face and finish). Durations only: nothing about the
 * account, the client or the image. Within withRequestLog, which gives each request its context.
 */
export function withServerTiming(handler: RequestHandler): RequestHandler {
  return (req, res) => {
    const spent = requestContext.getStore()?.spent;
    if (!spent) return handler(req, res);
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithTiming(
      this: ServerResponse,
      ...args: Parameters<ServerResponse['writeHead']>
    ) {
      const own = this.getHeader('Server-Timing');
      const timing = spent.serverTiming();
      this.setHeader('Server-Timing', own ? `${String(own)}, ${timing}` : timing);
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    return handler(req, res);
  };
}
