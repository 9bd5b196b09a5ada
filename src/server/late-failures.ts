import Koa, { type Middleware } from 'koa';
import type { IncomingMessage } from 'node:http';
import { inEnglish, say } from '../sentences.js';
import { isStoreUnavailable, outageAnswer } from '../store-outage.js';
import type { AnswerFailure } from './held-responses.js';
import type { Logger } from './logger.js';
import { requestIdOf } from './request-log.js';

/**
 * The answer to a request whose writes failed to commit after its handler was done
 * (held-responses.ts): a store outage is answered as during any outage; anything else is a 500,
 * logged. `pageFor` renders the error page of a failure.
 */
export function answeringLateFailures(
  pageFor: (error: unknown) => Middleware,
  logger: Logger,
  outage: () => void,
): AnswerFailure {
  const failures = new WeakMap<IncomingMessage, unknown>();
  const app = new Koa();
  app.silent = true;
  app.on('error', (error: unknown, ctx?: Koa.Context) =>
    logger.error({ err: error, requestId: ctx && requestIdOf(ctx.res) }, 'request failed'),
  );
  app.use(async (ctx, next) => {
    const error = failures.get(ctx.req);
    if (isStoreUnavailable(error)) {
      outage();
      return outageAnswer(pageFor(error))(ctx, next);
    }
    if (ctx.accepts('json', 'html') === 'html') return pageFor(error)(ctx, next);
    ctx.app.emit('error', error, ctx);
    ctx.status = 500;
    ctx.body = { error: 'server_error', error_description: inEnglish(say('server_error')) };
  });
  const handle = app.callback();
  return (req, res, error) => {
    failures.set(req, error);
    return handle(req, res);
  };
}
