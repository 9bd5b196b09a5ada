import type { Middleware } from 'koa';

/** One thing the server needs to do its job; `check` rejects when it cannot. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

/** How long one check may take before it counts as failed: a hung store is an unhealthy store. */
const checkTimeoutMs = 2000;

/** GET /healthz: 200 with each check's result when all pass, 503 with the same report otherwise. */
export function healthz(checks: HealthCheck[]): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== '/healthz' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const results = await Promise.all(checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check());
        return [name, { ok: true }] as const;
      } catch (error) {
        return [name, { ok: false, error: error instanceof Error ? error.message : String(error) }] as const;
      }
    }));
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
