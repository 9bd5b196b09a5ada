import type { Database } from 'better-sqlite3';
import type { AccountStore } from '../contract.js';
import { accountFromStored, profileToJson } from '../account-record.js';
import { guard } from './guard.js';
import type { SqliteGalleryChanges } from './gallery-changes.js';
import { bumpRevision } from './revision.js';

interface Row {
  id: string;
  profile: string;
  created_at: number;
  last_sign_in_at: number | null;
}

export function sqliteAccounts(db: Database, changes: SqliteGalleryChanges): AccountStore {
  const upsert = db.prepare(`
    INSERT INTO accounts (id, profile, created_at) VALUES (@id, @profile, @now)
    ON CONFLICT (id) DO UPDATE SET profile = excluded.profile`);
  const columns = 'id, profile, created_at, last_sign_in_at';
  const get = db.prepare(`SELECT ${columns} FROM accounts WHERE id = ?`);
  const list = db.prepare(`SELECT ${columns} FROM accounts ORDER BY id`);
  const signedIn = db.prepare(
    'UPDATE accounts SET last_sign_in_at = MAX(COALESCE(last_sign_in_at, @at), @at) WHERE id = @id',
  );
  // Templates and consents go with the account through the foreign key's ON DELETE CASCADE.
  const remove = db.prepare('DELETE FROM accounts WHERE id = ?');
  const read = (row: Row) => accountFromStored(row.id, row.profile, row.created_at, row.last_sign_in_at);

  return {
    upsert: (account) =>
      guard(() => {
        const [stored, revision] = db
          .transaction(() => {
            upsert.run({ id: account.id, profile: profileToJson(account), now: Date.now() });
            return [read(get.get(account.id) as Row), bumpRevision(db)] as const;
          })
          .immediate();
        changes.committed({ account: account.id }, revision);
        return stored;
      }),
    get: (id) =>
      guard(() => {
        const row = get.get(id) as Row | undefined;
        return row && read(row);
      }),
    list: () => guard(() => (list.all() as Row[]).map(read)),
    remove: (id) =>
      guard(() => {
        const revision = db.transaction(() => (remove.run(id).changes > 0 ? bumpRevision(db) : undefined)).immediate();
        if (revision === undefined) return false;
        changes.committed({ account: id }, revision);
        return true;
      }),
    signedIn: (id, at) => guard(() => signedIn.run({ id, at }).changes > 0),
  };
}
