import type { Database } from 'better-sqlite3';
import type { OidcAdapter, OidcPayload } from '../contract.js';
import { AlreadyConsumedError } from '../errors.js';
import { accountIdOf } from '../account-of-payload.js';
import type { GroupCommit } from './group-commit.js';
import { guard } from './guard.js';

interface Row {
  payload: string;
  consumed_at: number | null;
}

/**
 * oidc-provider's Adapter on one table, keyed by (model, id); expired rows are invisible. Its
 * writes are committed in groups (group-commit.ts): a sign-in's redirects write several rows.
 */
export function sqliteOidcAdapter(db: Database, model: string, commits: GroupCommit): OidcAdapter {
  const live = '(expires_at IS NULL OR expires_at > @now)';
  // Prepared on first use, inside guard(): oidc-provider may ask for an adapter when the store is
  // already down, and that must surface as StoreUnavailableError like any other failure.
  let prepared: ReturnType<typeof prepare> | undefined;
  const statements = () => (prepared ??= prepare());
  const prepare = () => ({
    upsert: db.prepare(`
      INSERT OR REPLACE INTO oidc (model, id, payload, grant_id, uid, user_code, account_id, consumed_at, expires_at)
      VALUES (@model, @id, @payload, @grantId, @uid, @userCode, @accountId, NULL, @expiresAt)`),
    find: db.prepare(`SELECT payload, consumed_at FROM oidc WHERE model = @model AND id = @id AND ${live}`),
    findByUid: db.prepare(`SELECT payload, consumed_at FROM oidc WHERE model = @model AND uid = @uid AND ${live}`),
    findByUserCode: db.prepare(
      `SELECT payload, consumed_at FROM oidc WHERE model = @model AND user_code = @userCode AND ${live}`,
    ),
    consume: db.prepare(
      'UPDATE oidc SET consumed_at = @consumed WHERE model = @model AND id = @id AND consumed_at IS NULL',
    ),
    destroy: db.prepare('DELETE FROM oidc WHERE model = @model AND id = @id'),
    revoke: db.prepare('DELETE FROM oidc WHERE model = @model AND grant_id = @grantId'),
  });

  const read = (row: Row | undefined): OidcPayload | undefined => {
    if (!row) return undefined;
    const payload = JSON.parse(row.payload) as OidcPayload;
    return row.consumed_at === null ? payload : { ...payload, consumed: row.consumed_at };
  };

  return {
    upsert: (id, payload, expiresIn) =>
      commits.write(() => {
        statements().upsert.run({
          model,
          id,
          payload: JSON.stringify(payload),
          grantId: payload.grantId ?? null,
          uid: payload.uid ?? null,
          userCode: payload.userCode ?? null,
          accountId: accountIdOf(payload),
          expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null,
        });
      }),
    find: (id) => guard(() => read(statements().find.get({ model, id, now: Date.now() }) as Row | undefined)),
    findByUid: (uid) =>
      guard(() => read(statements().findByUid.get({ model, uid, now: Date.now() }) as Row | undefined)),
    findByUserCode: (userCode) =>
      guard(() => read(statements().findByUserCode.get({ model, userCode, now: Date.now() }) as Row | undefined)),
    // One statement spends it only while unspent; SQLite runs one writer at a time, so of
    // concurrent spends (in this process or another on the file) one changes the row; the others,
    // and a spend of a record revoked meanwhile, change none.
    consume: (id) =>
      commits.write(() => {
        const { changes } = statements().consume.run({ model, id, consumed: Math.floor(Date.now() / 1000) });
        if (changes === 0) throw new AlreadyConsumedError(model, id);
      }),
    destroy: (id) =>
      commits.write(() => {
        statements().destroy.run({ model, id });
      }),
    revokeByGrantId: (grantId) =>
      commits.write(() => {
        statements().revoke.run({ model, grantId });
      }),
  };
}
