import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HoldCommit } from '../../adapters/contract.js';
import { requestContext, spend, type HeldEnd, type RequestContext } from './request-context.js';

/**
 * Answers a request in place of the response its handler made, whose writes then failed to
 * commit; the handler's headers are already removed (all but X-Request-Id). Settles once answered.
 */
export type AnswerFailure = (req: IncomingMessage, res: ServerResponse, error: unknown) => Promise<void>;

/**
 * The HTTP request as the store's unit of work (HoldCommit). A write that the store gives back
 * before its commit (adapters/sqlite/group-commit.ts) is waited for by the response of the request
 * that made it, or that read it: the response's end (its body, and the end that tells the client
 * it is complete) leaves the process only once every such commit has settled. So nothing a client
 * is told (a redirect to an interaction, a code, a session cookie) rests on a write that is not
 * on the disk yet. A sign-in's redirects made several writes one after another, each waiting for
 * the end of a turn of the event loop; now each hop waits once.
 *
 * If a commit fails, `answerFailure` answers instead (a 503 for a store outage), without the
 * headers the handler set (a cookie, a Location). If the response's headers have already gone (a
 * body streamed before its end), the connection is cut, so the client gets no complete answer.
 * A write made once the handler has ended the response is not held: its writer waits for it.
 */
export function holdingResponses(answerFailure: AnswerFailure): HoldCommit {
  return (commit) => {
    const context = requestContext.getStore();
    if (!context || context.held?.ended || context.res.writableEnded) return false;
    // Awaited when the response ends; a failure before then is not an unhandled rejection.
    commit.catch(() => {});
    (context.held ??= holdEnd(context, answerFailure)).commits.push(commit);
    return true;
  };
}

/** Replaces the response's end, for this response only: the first of its commits makes it. */
function holdEnd(context: RequestContext, answerFailure: AnswerFailure): HeldEnd {
  const { req, res } = context;
  const held: HeldEnd = { commits: [] };
  const end = res.end as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  res.end = function endOnceCommitted(...args: unknown[]) {
    // Ended once is what counts; a second end must not slip out before the commits.
    if (held.ended) return res;
    const waiting = performance.now();
    held.ended = Promise.all(held.commits)
      .then(
        () => {
          spend('store', waiting, performance.now());
          res.end = end as ServerResponse['end'];
          end.apply(res, args);
        },
        (error: unknown) => {
          spend('store', waiting, performance.now());
          res.end = end as ServerResponse['end'];
          return answerInstead(req, res, error, answerFailure);
        },
      )
      // Whatever went wrong in ending it, the client gets no complete answer (and the log its line).
      .catch(() => {
        res.destroy();
      });
    return res;
  } as ServerResponse['end'];
  return held;
}

async function answerInstead(
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
  answerFailure: AnswerFailure,
): Promise<void> {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) if (name !== 'x-request-id') res.removeHeader(name);
  await answerFailure(req, res, error);
}
