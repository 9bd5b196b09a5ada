import type pg from 'pg';
import type { AccountTokenStore } from '../contract.js';
import { guard } from './connection.js';

/** The oidc table's rows of an account, found by the account_id column the adapter fills. */
export function postgresAccountTokens(pool: pg.Pool): AccountTokenStore {
  return {
    revokeAll: (accountId) =>
      guard(async () => {
        const { rowCount } = await pool.query('DELETE FROM oidc WHERE account_id = $1', [accountId]);
        return rowCount ?? 0;
      }),
  };
}
