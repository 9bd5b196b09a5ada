import type { Store } from '../contract.js';
import { oneAdapterPerModel } from '../one-adapter-per-model.js';
import { redisAccounts } from './accounts.js';
import { connectRedis, guard } from './connection.js';
import { redisKeys } from './keys.js';
import { redisOidcAdapter } from './oidc-adapter.js';
import { redisTemplates } from './templates.js';

/**
 * The shared backend for several facegate instances behind a load balancer. Every key starts
 * with `keyPrefix`, so one Redis can hold several facegates (or a test run) side by side.
 * Expiry is Redis's own (EXPIRE on every record that has a lifetime).
 */
export async function openRedisStore(url: string, keyPrefix = 'facegate:'): Promise<Store> {
  const redis = await connectRedis(url);
  return {
    backend: 'redis',
    adapterFor: oneAdapterPerModel((model) => redisOidcAdapter(redis, keyPrefix, model)),
    accounts: redisAccounts(redis, keyPrefix),
    templates: redisTemplates(redis, keyPrefix),
    keys: redisKeys(redis, keyPrefix),
    ping: () => guard(async () => { await redis.ping(); }),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
