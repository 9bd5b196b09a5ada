import type pg from 'pg';
import type { AccountStore } from '../contract.js';
import { accountFromStored, profileToJson } from '../account-record.js';
import type { GalleryChanges } from './gallery-changes.js';
import { guard, num, transaction } from './connection.js';

interface Row {
  id: string;
  profile: unknown;
  created_at: string;
  last_sign_in_at: string | null;
}

export function postgresAccounts(pool: pg.Pool, changes: GalleryChanges): AccountStore {
  // The profile comes back parsed (json column); accountFromStored takes its text.
  const read = (row: Row) =>
    accountFromStored(
      row.id,
      JSON.stringify(row.profile),
      num(row.created_at),
      row.last_sign_in_at === null ? undefined : num(row.last_sign_in_at),
    );
  const columns = 'id, profile, created_at, last_sign_in_at';

  return {
    upsert: (account) =>
      guard(async () => {
        const stored = await transaction(pool, async (client) => {
          const { rows } = await client.query<Row>(
            `INSERT INTO accounts (id, profile, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET profile = excluded.profile
             RETURNING ${columns}`,
            [account.id, profileToJson(account), Date.now()],
          );
          await changes.announce(client, { account: account.id });
          return read(rows[0]!);
        });
        return changes.committed({ account: account.id }, stored);
      }),
    get: (id) =>
      guard(async () => {
        const { rows } = await pool.query<Row>(`SELECT ${columns} FROM accounts WHERE id = $1`, [id]);
        return rows[0] && read(rows[0]);
      }),
    list: () =>
      guard(async () => {
        // COLLATE "C": ordered by code point, as the other backends order ids.
        const { rows } = await pool.query<Row>(`SELECT ${columns} FROM accounts ORDER BY id COLLATE "C"`);
        return rows.map(read);
      }),
    // Templates and consents go with the account through the foreign key's ON DELETE CASCADE.
    remove: (id) =>
      guard(async () => {
        const removed = await transaction(pool, async (client) => {
          const { rowCount } = await client.query('DELETE FROM accounts WHERE id = $1', [id]);
          if (!rowCount) return false;
          await changes.announce(client, { account: id });
          return true;
        });
        return removed ? changes.committed({ account: id }, true) : false;
      }),
    signedIn: (id, at) =>
      guard(async () => {
        const { rowCount } = await pool.query(
          'UPDATE accounts SET last_sign_in_at = GREATEST(last_sign_in_at, $2) WHERE id = $1',
          [id, at],
        );
        return (rowCount ?? 0) > 0;
      }),
  };
}
