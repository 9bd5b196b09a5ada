import Koa, { type Middleware } from 'koa';
import type Provider from 'oidc-provider';
import { healthz, type HealthCheck } from './health.js';
import type { Logger } from './logger.js';
import { mountProvider } from './mount-provider.js';
import { requestLog } from './request-log.js';
import { staticFiles } from './static-files.js';

export interface AppParts {
  provider: Provider;
  logger: Logger;
  checks: HealthCheck[];
  /** Our routes (the interaction pages), tried before oidc-provider's. */
  routes: Middleware[];
  staticFolder: string;
}

/** The Koa application: request log, /healthz, /static, our routes, then oidc-provider. */
export function createApp({ provider, logger, checks, routes, staticFolder }: AppParts): Koa {
  const app = new Koa();
  // Same cookie keys and proxy trust as the provider, so both read the same cookies and URLs.
  app.keys = provider.keys!;
  app.proxy = provider.proxy;
  app.silent = true;
  app.on('error', (error: Error) => logger.error({ err: error }, 'request failed'));
  app.use(requestLog(logger));
  app.use(healthz(checks));
  app.use(staticFiles('/static', staticFolder));
  for (const route of routes) app.use(route);
  app.use(mountProvider(provider));
  return app;
}
