import type { Store } from '../contract.js';
import { defaultAuditRetention } from '../audit-retention.js';
import { oneAdapterPerModel } from '../one-adapter-per-model.js';
import { StoreUnavailableError } from '../errors.js';
import { postgresAccounts } from './accounts.js';
import { postgresAccountTokens } from './account-tokens.js';
import { postgresAttempts } from './attempts.js';
import { postgresAudit } from './audit.js';
import { postgresConsents } from './consents.js';
import { createPool, guard } from './connection.js';
import { postgresGalleryChanges } from './gallery-changes.js';
import { postgresInvitations } from './invitations.js';
import { postgresKeys } from './keys.js';
import { migrate } from './migrations.js';
import { postgresOidcAdapter } from './oidc-adapter.js';
import { postgresPasskeys } from './passkeys.js';
import { postgresSweep } from './sweep.js';
import { postgresTemplates } from './templates.js';

/**
 * PostgreSQL holds everything, for one instance or several: its tables live in `schema` (one
 * database can hold several facegates). The schema is brought up to date at open, under an
 * advisory lock. Expired rows are invisible at once (every read filters them); the sweep, every
 * `sweepEveryMs`, only reclaims their space. A lost connection fails the calls of that moment with
 * StoreUnavailableError; the pool connects again on the next call.
 */
export async function openPostgresStore(
  url: string,
  schema = 'public',
  { sweepEveryMs = 60_000, auditRetention = defaultAuditRetention } = {},
): Promise<Store> {
  const pool = createPool(url, schema);
  try {
    await guard(() => migrate(pool, schema));
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  const changes = postgresGalleryChanges(pool, url, schema);
  const sweep = postgresSweep(pool, auditRetention);
  const timer = setInterval(() => {
    sweep(Date.now()).catch(() => {
      /* retried at the next tick */
    });
  }, sweepEveryMs);
  timer.unref();
  let closed = false;

  return {
    backend: 'postgres',
    adapterFor: oneAdapterPerModel((model) => postgresOidcAdapter(pool, model)),
    accounts: postgresAccounts(pool, changes),
    templates: postgresTemplates(pool, changes),
    keys: postgresKeys(pool),
    invitations: postgresInvitations(pool),
    audit: postgresAudit(pool, auditRetention),
    attempts: postgresAttempts(pool),
    accountTokens: postgresAccountTokens(pool),
    consents: postgresConsents(pool),
    passkeys: postgresPasskeys(pool),
    ping: () =>
      guard(async () => {
        if (closed) throw new StoreUnavailableError('postgres', new Error('the store is closed'));
        await pool.query('SELECT 1');
      }),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await pool.end();
    },
  };
}
