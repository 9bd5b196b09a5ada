import type { Database } from 'better-sqlite3';
import type { PasskeyRecord, PasskeyStore } from '../contract.js';
import { AccountNotFoundError } from '../errors.js';
import { guard } from './guard.js';

interface Row {
  credential_id: string;
  account_id: string;
  public_key: Buffer;
  counter: number;
  transports: string;
  created_at: number;
  last_used_at: number | null;
}

/**
 * One row per passkey, keyed by its credential id; the account's removal takes its rows with it
 * (ON DELETE CASCADE). A use is one UPDATE whose WHERE holds the counter rule, so SQLite's single
 * writer makes it atomic: of two uses with one counter, the second changes no row.
 */
export function sqlitePasskeys(db: Database): PasskeyStore {
  const columns = 'credential_id, account_id, public_key, counter, transports, created_at, last_used_at';
  const accountExists = db.prepare('SELECT 1 FROM accounts WHERE id = ?');
  const insert = db.prepare(`
    INSERT INTO passkeys (${columns})
    VALUES (@credentialId, @accountId, @publicKey, @counter, @transports, @createdAt, @lastUsedAt)
    ON CONFLICT (credential_id) DO NOTHING`);
  const get = db.prepare(`SELECT ${columns} FROM passkeys WHERE credential_id = ?`);
  const byAccount = db.prepare(
    `SELECT ${columns} FROM passkeys WHERE account_id = ? ORDER BY created_at, credential_id`,
  );
  const remove = db.prepare('DELETE FROM passkeys WHERE account_id = ? AND credential_id = ?');
  const use = db.prepare(`
    UPDATE passkeys SET counter = @counter, last_used_at = @at
    WHERE credential_id = @credentialId AND (counter < @counter OR (counter = 0 AND @counter = 0))`);
  const read = (row: Row): PasskeyRecord => ({
    credentialId: row.credential_id,
    accountId: row.account_id,
    publicKey: new Uint8Array(row.public_key),
    counter: row.counter,
    transports: JSON.parse(row.transports) as string[],
    createdAt: row.created_at,
    ...(row.last_used_at === null ? {} : { lastUsedAt: row.last_used_at }),
  });

  return {
    add: (passkey) =>
      guard(() =>
        db
          .transaction(() => {
            if (!accountExists.get(passkey.accountId)) throw new AccountNotFoundError(passkey.accountId);
            const { changes } = insert.run({
              ...passkey,
              publicKey: Buffer.from(passkey.publicKey),
              transports: JSON.stringify(passkey.transports),
              lastUsedAt: passkey.lastUsedAt ?? null,
            });
            return changes === 1;
          })
          .immediate(),
      ),
    get: (credentialId) =>
      guard(() => {
        const row = get.get(credentialId) as Row | undefined;
        return row && read(row);
      }),
    listForAccount: (accountId) => guard(() => (byAccount.all(accountId) as Row[]).map(read)),
    remove: (accountId, credentialId) => guard(() => remove.run(accountId, credentialId).changes === 1),
    use: (credentialId, counter, at) => guard(() => use.run({ credentialId, counter, at }).changes === 1),
  };
}
