import type pg from 'pg';
import type { InvitationRecord, InvitationStore } from '../contract.js';
import { guard, num } from './connection.js';

interface Row {
  token_hash: string;
  account_id: string;
  profile: InvitationRecord['profile'];
  replace_templates: boolean;
  created_at: string;
  expires_at: string;
}

/**
 * One row per invitation, keyed by the token's hash. Spending one deletes its row in the statement
 * that returns it (DELETE … RETURNING): of concurrent consumers, on one instance or several,
 * exactly one gets the row. Expired rows are invisible and the store's sweep removes them.
 */
export function postgresInvitations(pool: pg.Pool): InvitationStore {
  const columns = 'token_hash, account_id, profile, replace_templates, created_at, expires_at';
  const read = (row: Row | undefined): InvitationRecord | undefined =>
    row && {
      tokenHash: row.token_hash,
      accountId: row.account_id,
      profile: row.profile,
      replace: row.replace_templates,
      createdAt: num(row.created_at),
      expiresAt: num(row.expires_at),
    };

  return {
    create: (invitation) =>
      guard(async () => {
        await pool.query(
          `INSERT INTO invitations (${columns}) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (token_hash) DO UPDATE SET account_id = excluded.account_id, profile = excluded.profile,
             replace_templates = excluded.replace_templates, created_at = excluded.created_at, expires_at = excluded.expires_at`,
          [
            invitation.tokenHash,
            invitation.accountId,
            JSON.stringify(invitation.profile),
            invitation.replace,
            invitation.createdAt,
            invitation.expiresAt,
          ],
        );
      }),
    find: (tokenHash) =>
      guard(async () => {
        const { rows } = await pool.query<Row>(
          `SELECT ${columns} FROM invitations WHERE token_hash = $1 AND expires_at > $2`,
          [tokenHash, Date.now()],
        );
        return read(rows[0]);
      }),
    consume: (tokenHash) =>
      guard(async () => {
        const { rows } = await pool.query<Row>(
          `DELETE FROM invitations WHERE token_hash = $1 AND expires_at > $2 RETURNING ${columns}`,
          [tokenHash, Date.now()],
        );
        return read(rows[0]);
      }),
    removeForAccount: (accountId) =>
      guard(async () => {
        const { rowCount } = await pool.query('DELETE FROM invitations WHERE account_id = $1', [accountId]);
        return rowCount ?? 0;
      }),
  };
}
