import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from './http-server.js';
import { loggablePath } from './loggable-path.js';
import type { Logger } from './logger.js';
import { requestContext, type RequestContext } from './request-context.js';
import { requestPath } from './request-path.js';
import { TimeSpent } from './time-spent.js';

/**
 * A proxy's request id is reused when it looks like one (8 to 128 letters, digits, `_ . : -`),
 * so log lines join across hops; anything else (too long, spaces, quotes, control characters)
 * could forge or break log lines, and gets an id of our own.
 */
const acceptableId = /^[\w.:-]{8,128}$/;

const requestIds = new WeakMap<IncomingMessage, string>();

/** The id withRequestLog gave this request (for lines written outside its context, such as Koa's error event). */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return requestIds.get(req);
}

/**
 * One request id per request (X-Request-Id, echoed in the response), on every log line written
 * while the request is handled (request-context.ts), and one line when the handler is done.
 * The path only: query strings carry codes, tokens and state. It wraps the whole handler, so that
 * requests the provider answers directly (provider-fast-path.ts) are logged as ours are.
 */
export function withRequestLog(handler: RequestHandler, logger: Logger): RequestHandler {
  return (req, res) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && acceptableId.test(incoming) ? incoming : randomUUID();
    requestIds.set(req, requestId);
    res.setHeader('X-Request-Id', requestId);
    const context: RequestContext = { requestId, spent: new TimeSpent(), req, res };
    return requestContext.run(context, async () => {
      const started = performance.now();
      try {
        await handler(req, res);
        // A response held for its commits (held-responses.ts) is logged as it left, once it has.
        if (context.held?.ended) await context.held.ended;
      } finally {
        const line = {
          method: req.method,
          // Without the credential an enrolment link carries in its path.
          path: loggablePath(requestPath(req.url)),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        };
        if (line.status >= 500) logger.warn(line, 'request');
        else logger.info(line, 'request');
      }
    });
  };
}
