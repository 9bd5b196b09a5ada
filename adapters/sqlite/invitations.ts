import type { Database } from 'better-sqlite3';
import type { InvitationRecord, InvitationStore } from '../contract.js';
import { guard } from './guard.js';

interface Row {
  token_hash: string;
  account_id: string;
  profile: string;
  replace_templates: number;
  created_at: number;
  expires_at: number;
}

/**
 * One row per invitation, keyed by the token's hash. Spending one deletes its row in the same
 * statement that reads it, so of concurrent consumers (in this process or another on the file)
 * exactly one gets it; expired rows are invisible and the store's sweep removes them.
 */
export function sqliteInvitations(db: Database): InvitationStore {
  const columns = 'token_hash, account_id, profile, replace_templates, created_at, expires_at';
  const insert = db.prepare(`
    INSERT OR REPLACE INTO invitations (${columns})
    VALUES (@tokenHash, @accountId, @profile, @replace, @createdAt, @expiresAt)`);
  const find = db.prepare(`SELECT ${columns} FROM invitations WHERE token_hash = @tokenHash AND expires_at > @now`);
  const consume = db.prepare(
    `DELETE FROM invitations WHERE token_hash = @tokenHash AND expires_at > @now RETURNING ${columns}`,
  );
  const removeOfAccount = db.prepare('DELETE FROM invitations WHERE account_id = ?');
  const read = (row: Row | undefined): InvitationRecord | undefined =>
    row && {
      tokenHash: row.token_hash,
      accountId: row.account_id,
      profile: JSON.parse(row.profile) as InvitationRecord['profile'],
      replace: row.replace_templates === 1,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };

  return {
    create: (invitation) =>
      guard(() => {
        insert.run({ ...invitation, profile: JSON.stringify(invitation.profile), replace: invitation.replace ? 1 : 0 });
      }),
    find: (tokenHash) => guard(() => read(find.get({ tokenHash, now: Date.now() }) as Row | undefined)),
    consume: (tokenHash) => guard(() => read(consume.get({ tokenHash, now: Date.now() }) as Row | undefined)),
    removeForAccount: (accountId) => guard(() => removeOfAccount.run(accountId).changes),
  };
}
