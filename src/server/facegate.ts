import type { Middleware } from 'koa';
import type Provider from 'oidc-provider';
import type { Store } from '../../adapters/contract.js';
import { openStore } from '../../adapters/open.js';
import { providerPages } from '../../interactions/pages.js';
import { interactionRoutes } from '../../interactions/router.js';
import { publicFolder } from '../../interactions/views.js';
import type { FacegateConfig } from '../config/types.js';
import { loadKeys } from '../keys/load.js';
import { createProvider } from '../oidc/provider.js';
import { createApp } from './app.js';
import type { HealthCheck } from './health.js';
import { listen, type RunningServer } from './http-server.js';
import { createLogger, type Logger } from './logger.js';

/**
 * The composition root: the one place that knows every part (store, keys, provider, pages,
 * server) and wires them. Everything else receives what it needs.
 */
export interface Facegate {
  /** The issuer, as configured. */
  issuer: string;
  port: number;
  store: Store;
  /** The provider serving requests now (a reload replaces it). */
  readonly provider: Provider;
  /** Builds a provider from a new configuration and serves the next requests with it. */
  reload(config: FacegateConfig): Promise<void>;
  /** Stops accepting, finishes requests in flight, closes the store. */
  close(): Promise<void>;
}

export interface FacegateOptions {
  logger?: Logger;
  /** More health checks (the face engine adds "models loaded"). */
  checks?: HealthCheck[];
}

export async function startFacegate(config: FacegateConfig, options: FacegateOptions = {}): Promise<Facegate> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openStore(config.storage);
  try {
    const checks: HealthCheck[] = [{ name: 'store', check: () => store.ping() }, ...(options.checks ?? [])];
    const build = async (next: FacegateConfig) => {
      const provider = await createProvider({ config: next, store, keys: await loadKeys(store.keys), pages: providerPages });
      provider.on('server_error', (_ctx, error) => logger.error({ err: error }, 'provider error'));
      const firstParty = new Set(next.clients.filter((c) => c.first_party).map((c) => c.client_id));
      const routes = interactionRoutes(provider, { isFirstParty: (id) => firstParty.has(id) });
      // The face engine is wired here when it lands; it receives next.face.
      const app = createApp({ provider, logger, checks, routes: [routes.routes(), routes.allowedMethods()] as Middleware[], staticFolder: publicFolder });
      return { provider, handler: app.callback() };
    };

    let current = await build(config);
    const server: RunningServer = await listen(current.handler, config.port, config.host);
    logger.info({ issuer: config.issuer, port: server.port, store: store.backend }, 'facegate is serving');

    return {
      issuer: config.issuer,
      port: server.port,
      store,
      get provider() { return current.provider; },
      async reload(next) {
        for (const key of ['issuer', 'port', 'host', 'storage'] as const) {
          if (JSON.stringify(next[key]) !== JSON.stringify(config[key])) {
            throw new Error(`"${key}" changed: it takes a restart, not a reload`);
          }
        }
        current = await build(next);
        server.swap(current.handler);
        logger.info({ clients: next.clients.length }, 'configuration reloaded');
      },
      async close() {
        await server.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
