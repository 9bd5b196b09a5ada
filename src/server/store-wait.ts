import Koa, { type Middleware } from 'koa';
import { setTimeout as sleep } from 'node:timers/promises';
import { healthEndpoints } from './health.js';
import type { Logger } from './logger.js';
import { outageAnswer } from '../store-outage.js';

/**
 * Starting on a store that can come back (Redis): while it does not answer, facegate listens
 * anyway and answers every request 503 with Retry-After (/readyz and /healthz say which check
 * fails; /livez answers 200, the process is alive and waiting), and retries its start with
 * backoff; once the store answers, the real application takes over.
 */

/** The waits between two start attempts: 0.25 s doubling, then every 5 s. */
export function startRetryDelayMs(attempt: number): number {
  return Math.min(250 * 2 ** attempt, 5000);
}

/**
 * Calls `start` until it resolves; an error `canWait` refuses is thrown at once. One log line per
 * failed attempt (so at most one each 5 s), none per request.
 */
export async function retryStart<T>(
  start: () => Promise<T>,
  canWait: (error: unknown) => boolean,
  logger: Logger,
  firstError: unknown,
): Promise<T> {
  let error = firstError;
  for (let attempt = 0; ; attempt++) {
    const delayMs = startRetryDelayMs(attempt);
    logger.warn(
      { err: message(error), retryInMs: delayMs, attempt: attempt + 1 },
      'the store is unavailable: answering 503 until it is back',
    );
    await sleep(delayMs);
    try {
      return await start();
    } catch (next) {
      if (!canWait(next)) throw next;
      error = next;
    }
  }
}

/**
 * The application served while waiting: /healthz reports the store's last error, pages get the
 * error page (`pageFailure` throws into the pages' own failure rendering), any other client the
 * OAuth error JSON oidc-provider gives during an outage.
 */
export function waitingApp(lastError: () => unknown, pageFailure: Middleware): Koa {
  const app = new Koa();
  app.silent = true;
  // The retry loop logs the outage; a line per refused request would only repeat it.
  app.on('error', () => {});
  app.use(
    healthEndpoints([
      { name: 'store', check: () => Promise.reject(new Error(message(lastError()))) },
      { name: 'models', check: () => Promise.reject(new Error('not started: waiting for the store')) },
    ]),
  );
  app.use(outageAnswer(pageFailure));
  return app;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
