import Provider from 'oidc-provider';
import { isStoreUnavailable, markStoreUnavailable, STORE_UNAVAILABLE_BODY } from '../store-outage.js';
import { checkClients } from './check-clients.js';
import { providerConfiguration, type ProviderInputs } from './configuration.js';
import { allowHttpLocalhostImplicitRedirects } from './local-development.js';

/** A ready provider: configured, its clients checked, store outages answered with 503. */
export async function createProvider(inputs: ProviderInputs): Promise<Provider> {
  const { config } = inputs;
  const provider = new Provider(config.issuer, providerConfiguration(inputs));
  // Trust exactly the configured proxies: the client's address is that many entries from the
  // right of X-Forwarded-For (koa's maxIpsCount), never the leftmost one, which the client writes.
  provider.proxy = config.proxy > 0;
  provider.maxIpsCount = config.proxy;
  provider.use(inputs.pages.headers);
  if (config.development.allowHttpLocalhostImplicitRedirectUris) allowHttpLocalhostImplicitRedirects(provider);
  await checkClients(provider, config);

  // oidc-provider answers any failure of ours as server_error 500; a store outage is a 503 that
  // says so (its error pages say it through pages.renderError, which gets the error too).
  provider.on('server_error', (ctx, error) => {
    if (!isStoreUnavailable(error)) return;
    markStoreUnavailable(ctx);
    if (!ctx.response.is('html')) ctx.body = { ...STORE_UNAVAILABLE_BODY };
  });
  return provider;
}
