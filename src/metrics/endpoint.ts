import type { Middleware } from 'koa';
import type { FacegateConfig } from '../config/types.js';
import { isAllowed, parseAllowList } from './allow-list.js';
import type { FacegateMetrics } from './facegate-metrics.js';

/** Headers a proxy adds: a request carrying one came from somewhere else than its TCP peer. */
const RELAYED = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * GET /metrics, Prometheus text format, for the addresses in `metrics.allowFrom` only: an identity
 * provider should not tell the world its sign-in counts and load. The TCP peer address is checked,
 * never X-Forwarded-For (which anyone can write); and a request relayed by a proxy is refused,
 * whatever the peer, because behind a proxy on the same host every request's peer is loopback.
 */
export function metricsEndpoint(metrics: FacegateMetrics, settings: FacegateConfig['metrics']): Middleware {
  const allowed = parseAllowList(settings.allowFrom);
  return async (ctx, next) => {
    if (!settings.enabled || ctx.path !== '/metrics' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    ctx.set('Cache-Control', 'no-store');
    if (RELAYED.some((header) => ctx.get(header)) || !isAllowed(allowed, ctx.req.socket.remoteAddress)) {
      ctx.status = 403;
      ctx.body = 'Metrics are served to the addresses in metrics.allowFrom only, and not through a proxy.\n';
      return;
    }
    ctx.body = await metrics.text();
    ctx.set('Content-Type', metrics.contentType);
  };
}
