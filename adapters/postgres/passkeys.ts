import type pg from 'pg';
import type { PasskeyRecord, PasskeyStore } from '../contract.js';
import { AccountNotFoundError } from '../errors.js';
import { guard, num } from './connection.js';

interface Row {
  credential_id: string;
  account_id: string;
  public_key: Buffer;
  counter: string;
  transports: string[];
  created_at: string;
  last_used_at: string | null;
}

/** The foreign key's violation: the account named does not exist. */
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * One row per passkey, keyed by its credential id; the account's removal takes its rows with it
 * (ON DELETE CASCADE). A use is one UPDATE whose WHERE holds the counter rule: PostgreSQL locks the
 * row and checks the rule again on the row it locked, so of two uses with one counter, one passes.
 */
export function postgresPasskeys(pool: pg.Pool): PasskeyStore {
  const columns = 'credential_id, account_id, public_key, counter, transports, created_at, last_used_at';
  const read = (row: Row): PasskeyRecord => ({
    credentialId: row.credential_id,
    accountId: row.account_id,
    publicKey: new Uint8Array(row.public_key),
    counter: num(row.counter),
    transports: row.transports,
    createdAt: num(row.created_at),
    ...(row.last_used_at === null ? {} : { lastUsedAt: num(row.last_used_at) }),
  });

  return {
    add: (passkey) =>
      guard(async () => {
        try {
          const { rowCount } = await pool.query(
            `INSERT INTO passkeys (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (credential_id) DO NOTHING`,
            [
              passkey.credentialId,
              passkey.accountId,
              Buffer.from(passkey.publicKey),
              passkey.counter,
              JSON.stringify(passkey.transports),
              passkey.createdAt,
              passkey.lastUsedAt ?? null,
            ],
          );
          return rowCount === 1;
        } catch (error) {
          if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION)
            throw new AccountNotFoundError(passkey.accountId);
          throw error;
        }
      }),
    get: (credentialId) =>
      guard(async () => {
        const { rows } = await pool.query<Row>(`SELECT ${columns} FROM passkeys WHERE credential_id = $1`, [
          credentialId,
        ]);
        return rows[0] && read(rows[0]);
      }),
    listForAccount: (accountId) =>
      guard(async () => {
        const { rows } = await pool.query<Row>(
          `SELECT ${columns} FROM passkeys WHERE account_id = $1 ORDER BY created_at, credential_id COLLATE "C"`,
          [accountId],
        );
        return rows.map(read);
      }),
    remove: (accountId, credentialId) =>
      guard(async () => {
        const { rowCount } = await pool.query('DELETE FROM passkeys WHERE account_id = $1 AND credential_id = $2', [
          accountId,
          credentialId,
        ]);
        return rowCount === 1;
      }),
    use: (credentialId, counter, at) =>
      guard(async () => {
        const { rowCount } = await pool.query(
          `UPDATE passkeys SET counter = $2, last_used_at = $3
           WHERE credential_id = $1 AND (counter < $2 OR (counter = 0 AND $2 = 0))`,
          [credentialId, counter, at],
        );
        return rowCount === 1;
      }),
  };
}
