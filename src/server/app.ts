import Koa, { type Middleware } from 'koa';
import type Provider from 'oidc-provider';
import type { FacegateMetrics } from '../metrics/facegate-metrics.js';
import { healthEndpoints, type HealthCheck } from './health.js';
import type { Logger } from './logger.js';
import { mountProvider } from './mount-provider.js';
import { requestIdOf } from './request-log.js';
import { staticFiles } from './static-files.js';
import { isStoreUnavailable } from '../store-outage.js';

export interface AppParts {
  provider: Provider;
  logger: Logger;
  checks: HealthCheck[];
  metrics: FacegateMetrics;
  /** GET /metrics, or nothing when it is turned off. */
  metricsEndpoint: Middleware;
  /** Our routes (the interaction pages), tried before oidc-provider's. */
  routes: Middleware[];
  staticFolder: string;
  /** More folders of static files, by URL prefix (a dependency's browser bundle). */
  moreStatic?: Record<string, string>;
}

/**
 * The Koa application: /livez /readyz /healthz, /metrics, /static, our routes, then oidc-provider.
 * The request log wraps it (request-log.ts), with the provider's own endpoints (provider-fast-path.ts).
 */
export function createApp({
  provider,
  logger,
  checks,
  metrics,
  metricsEndpoint,
  routes,
  staticFolder,
  moreStatic = {},
}: AppParts): Koa {
  const app = new Koa();
  // Same cookie keys and proxy trust as the provider, so both read the same cookies and URLs.
  app.keys = provider.keys!;
  app.proxy = provider.proxy;
  app.maxIpsCount = provider.maxIpsCount;
  app.silent = true;
  app.on('error', (error: Error, ctx?: Koa.Context) => {
    if (isStoreUnavailable(error)) metrics.storeError('pages');
    // Koa reports an error after the request's own context has ended: name the request here.
    logger.error({ err: error, requestId: ctx && requestIdOf(ctx.res) }, 'request failed');
  });
  app.use(healthEndpoints(checks));
  app.use(metricsEndpoint);
  app.use(staticFiles('/static', staticFolder));
  for (const [prefix, folder] of Object.entries(moreStatic)) app.use(staticFiles(prefix, folder));
  for (const route of routes) app.use(route);
  app.use(mountProvider(provider));
  return app;
}
