import type { Database } from 'better-sqlite3';
import type { ConsentRecord, ConsentStore } from '../contract.js';
import { consentFromColumns } from '../consent-record.js';
import { AccountNotFoundError } from '../errors.js';
import { guard } from './guard.js';

interface Row {
  account_id: string;
  version: string;
  at: number;
  method: ConsentRecord['method'];
  invitation_hash: string | null;
  recorded_by: string | null;
}

/** One row per consent; they go with the account through the foreign key's ON DELETE CASCADE. */
export function sqliteConsents(db: Database): ConsentStore {
  const accountExists = db.prepare('SELECT 1 FROM accounts WHERE id = ?');
  const insert = db.prepare(`
    INSERT INTO consents (account_id, version, at, method, invitation_hash, recorded_by)
    VALUES (@accountId, @version, @at, @method, @invitationHash, @recordedBy)`);
  const columns = 'account_id, version, at, method, invitation_hash, recorded_by';
  const byAccount = db.prepare(`SELECT ${columns} FROM consents WHERE account_id = ? ORDER BY at, id`);
  const latest = db.prepare(`SELECT ${columns} FROM consents WHERE account_id = ? ORDER BY at DESC, id DESC LIMIT 1`);
  const read = (row: Row) =>
    consentFromColumns(row.account_id, row.version, row.at, row.method, row.invitation_hash, row.recorded_by);

  return {
    record: (consent) =>
      guard(() => {
        db.transaction(() => {
          if (!accountExists.get(consent.accountId)) throw new AccountNotFoundError(consent.accountId);
          insert.run({
            ...consent,
            invitationHash: consent.invitationHash ?? null,
            recordedBy: consent.recordedBy ?? null,
          });
        }).immediate();
      }),
    latest: (accountId) =>
      guard(() => {
        const row = latest.get(accountId) as Row | undefined;
        return row && read(row);
      }),
    list: (accountId) => guard(() => (byAccount.all(accountId) as Row[]).map(read)),
  };
}
