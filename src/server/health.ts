import type { Middleware } from 'koa';

/** One thing the server needs to do its job; `check` rejects when it cannot. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

/** How long one check may take before it counts as failed: a hung store is an unhealthy store. */
const checkTimeoutMs = 2000;

/** The paths that run every check (/healthz is the original one, /readyz the name orchestrators expect). */
const readinessPaths = new Set(['/healthz', '/readyz']);

/**
 * The health endpoints, for probes:
 * - GET /livez: 200 whenever the process answers HTTP at all. A liveness probe: restarting the
 *   process cannot bring back a store that is down, so it checks nothing else.
 * - GET /readyz and /healthz: 200 with each check's result when all pass (store, models), 503
 *   with the same report otherwise. A readiness probe: no traffic while the store is away.
 */
export function healthEndpoints(checks: HealthCheck[]): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/livez') {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { ok: true };
      return;
    }
    if (!readinessPaths.has(ctx.path)) return next();
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check());
          return [name, { ok: true }] as const;
        } catch (error) {
          return [name, { ok: false, error: error instanceof Error ? error.message : String(error) }] as const;
        }
      }),
    );
    const ok = results.every(([, result]) => result.ok);
    ctx.status = ok ? 200 : 503;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { ok, checks: Object.fromEntries(results) };
  };
}

function withTimeout(promise: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${checkTimeoutMs} ms`)), checkTimeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
