import type pg from 'pg';
import type { ConsentRecord, ConsentStore } from '../contract.js';
import { consentFromColumns } from '../consent-record.js';
import { AccountNotFoundError } from '../errors.js';
import { guard, num } from './connection.js';

interface Row {
  account_id: string;
  version: string;
  at: string;
  method: ConsentRecord['method'];
  invitation_hash: string | null;
  recorded_by: string | null;
}

/** One row per consent; they go with the account through the foreign key's ON DELETE CASCADE. */
export function postgresConsents(pool: pg.Pool): ConsentStore {
  const columns = 'account_id, version, at, method, invitation_hash, recorded_by';
  const read = (row: Row) =>
    consentFromColumns(row.account_id, row.version, num(row.at), row.method, row.invitation_hash, row.recorded_by);

  return {
    record: (consent) =>
      guard(async () => {
        // The foreign key refuses an unknown account: 23503 is foreign_key_violation.
        await pool
          .query(`INSERT INTO consents (${columns}) VALUES ($1, $2, $3, $4, $5, $6)`, [
            consent.accountId,
            consent.version,
            consent.at,
            consent.method,
            consent.invitationHash ?? null,
            consent.recordedBy ?? null,
          ])
          .catch((error: unknown) => {
            if ((error as { code?: unknown }).code === '23503') throw new AccountNotFoundError(consent.accountId);
            throw error;
          });
      }),
    latest: (accountId) =>
      guard(async () => {
        const { rows } = await pool.query<Row>(
          `SELECT ${columns} FROM consents WHERE account_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
          [accountId],
        );
        return rows[0] && read(rows[0]);
      }),
    list: (accountId) =>
      guard(async () => {
        const { rows } = await pool.query<Row>(
          `SELECT ${columns} FROM consents WHERE account_id = $1 ORDER BY at, id`,
          [accountId],
        );
        return rows.map(read);
      }),
  };
}
