import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { loggablePath } from './loggable-path.js';
import type { Logger } from './logger.js';
import { requestContext } from './request-context.js';

/**
 * A proxy's request id is reused when it looks like one (8 to 128 letters, digits, `_ . : -`),
 * so log lines join across hops; anything else (too long, spaces, quotes, control characters)
 * could forge or break log lines, and gets an id of our own.
 */
const acceptableId = /^[\w.:-]{8,128}$/;

/**
 * One request id per request (X-Request-Id, echoed in the response), on every log line written
 * while the request is handled (request-context.ts), and one line when the response is done.
 * The path only: query strings carry codes, tokens and state.
 */
export function requestLog(logger: Logger): Middleware {
  return (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = acceptableId.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    return requestContext.run({ requestId }, async () => {
      const started = performance.now();
      try {
        await next();
      } finally {
        const line = {
          method: ctx.method,
          // Without the credential an enrolment link carries in its path.
          path: loggablePath(ctx.path),
          // The provider writes its responses itself (ctx.respond = false): read the real status.
          status: ctx.res.headersSent || !ctx.respond ? ctx.res.statusCode : ctx.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        };
        if (line.status >= 500) logger.warn(line, 'request');
        else logger.info(line, 'request');
      }
    });
  };
}
