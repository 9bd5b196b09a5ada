import type { Store } from '../contract.js';
import { defaultAuditRetention } from '../audit-retention.js';
import { oneAdapterPerModel } from '../one-adapter-per-model.js';
import { redisAccountTokens } from './account-tokens.js';
import { redisAccounts } from './accounts.js';
import { redisAttempts } from './attempts.js';
import { redisAudit } from './audit.js';
import { redisConsents } from './consents.js';
import { connectRedis, guard } from './connection.js';
import { redisGalleryChanges } from './gallery-changes.js';
import { redisInvitations } from './invitations.js';
import { redisKeys } from './keys.js';
import { redisOidcAdapter } from './oidc-adapter.js';
import { redisPasskeys } from './passkeys.js';
import { redisTemplates } from './templates.js';

/**
 * The shared backend for several facegate instances behind a load balancer. Every key starts
 * with `keyPrefix`, so one Redis can hold several facegates (or a test run) side by side.
 * Expiry is Redis's own (EXPIRE on every record that has a lifetime).
 */
export async function openRedisStore(
  url: string,
  keyPrefix = 'facegate:',
  { auditRetention = defaultAuditRetention } = {},
): Promise<Store> {
  const redis = await connectRedis(url);
  const changes = redisGalleryChanges(redis, keyPrefix);
  return {
    backend: 'redis',
    adapterFor: oneAdapterPerModel((model) => redisOidcAdapter(redis, keyPrefix, model)),
    accounts: redisAccounts(redis, keyPrefix, changes),
    templates: redisTemplates(redis, keyPrefix, changes),
    keys: redisKeys(redis, keyPrefix),
    invitations: redisInvitations(redis, keyPrefix),
    audit: redisAudit(redis, keyPrefix, auditRetention),
    attempts: redisAttempts(redis, keyPrefix),
    accountTokens: redisAccountTokens(redis, keyPrefix),
    consents: redisConsents(redis, keyPrefix),
    passkeys: redisPasskeys(redis, keyPrefix),
    ping: () =>
      guard(async () => {
        await redis.ping();
      }),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
