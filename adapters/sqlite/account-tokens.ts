import type { Database } from 'better-sqlite3';
import type { AccountTokenStore } from '../contract.js';
import type { GroupCommit } from './group-commit.js';

/**
 * The oidc table's rows of an account, found by the account_id column the adapter fills. The
 * revocation joins the adapter's group commit, after the writes already queued: a session or token
 * written in the same turn of the event loop is revoked too, not committed after the revocation.
 */
export function sqliteAccountTokens(db: Database, commits: GroupCommit): AccountTokenStore {
  const revoke = db.prepare('DELETE FROM oidc WHERE account_id = ?');
  return {
    revokeAll: (accountId) => commits.write(() => revoke.run(accountId).changes),
  };
}
