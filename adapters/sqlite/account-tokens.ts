import type { Database } from 'better-sqlite3';
import type { AccountTokenStore } from '../contract.js';
import { guard } from './guard.js';

/** The oidc table's rows of an account, found by the account_id column the adapter fills. */
export function sqliteAccountTokens(db: Database): AccountTokenStore {
  const revoke = db.prepare('DELETE FROM oidc WHERE account_id = ?');
  return {
    revokeAll: (accountId) => guard(() => revoke.run(accountId).changes),
  };
}
