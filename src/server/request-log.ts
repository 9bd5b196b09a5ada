import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
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

/** The id withRequestLog gave this response (for lines written outside its context, such as Koa's error event). */
export function requestIdOf(res: ServerResponse): string | undefined {
  const id = res.getHeader('X-Request-Id');
  return typeof id === 'string' ? id : undefined;
}

/**
 * One request id per request (X-Request-Id, echoed in the response), on every log line written
 * while the request is handled (request-context.ts), and one line when the handler is done.
 * The path only: query strings carry codes, tokens and state. It wraps the whole handler, so that
 * requests the provider answers directly (provider-fast-path.ts) are logged as ours are.
 *
 * It runs on every request, discovery and JWKS included, whose whole answer takes oidc-provider
 * under 100 µs of CPU: it keeps no map beside the response (the id is read back from its header),
 * and the handler runs in the context as it is, not inside an async function of ours, whose
 * awaits each cost a promise that every AsyncLocalStorage in the process (oidc-provider has one)
 * is told about.
 */
export function withRequestLog(handler: RequestHandler, logger: Logger): RequestHandler {
  return (req, res) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && acceptableId.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const context: RequestContext = { requestId, spent: new TimeSpent(), req, res };
    const logLine = () => {
      const line = {
        // Written outside the request's context (the logger's mixin would not find its id).
        requestId,
        method: req.method,
        // Without the credential an enrolment link carries in its path.
        path: loggablePath(requestPath(req.url)),
        status: res.statusCode,
        ms: Math.round(context.spent.elapsed() * 10) / 10,
      };
      if (line.status >= 500) logger.warn(line, 'request');
      else logger.info(line, 'request');
    };
    return (
      Promise.resolve(requestContext.run(context, handler, req, res))
        // A response held for its commits (held-responses.ts) is logged as it left, once it has.
        .then(() => context.held?.ended)
        .finally(logLine)
    );
  };
}
