import type { Database } from 'better-sqlite3';
import type { OidcAdapter, OidcPayload } from '../contract.js';
import { AlreadyConsumedError } from '../errors.js';
import { accountIdOf } from '../account-of-payload.js';
import type { GroupCommit } from './group-commit.js';
import { guard } from './guard.js';
import type { OidcRow, WrittenAhead } from './written-ahead.js';

/** A row as the reads select it: the columns named as OidcRow names them (a row on the file does not expire while read). */
type Row = OidcRow & { id: string };

/**
 * oidc-provider's Adapter on one table, keyed by (model, id); expired rows are invisible. Its
 * writes are committed in groups (group-commit.ts): a sign-in's redirects write several rows. Its
 * upserts and deletions go ahead of their commit when the request waits for it instead
 * (written-ahead.ts keeps them readable meanwhile); a spend waits for its own, since the caller
 * acts on whether it spent the record.
 */
export function sqliteOidcAdapter(db: Database, model: string, commits: GroupCommit, ahead: WrittenAhead): OidcAdapter {
  const live = '(expires_at IS NULL OR expires_at > @now)';
  const columns =
    'id, payload, consumed_at AS consumedAt, grant_id AS grantId, uid, user_code AS userCode, NULL AS expiresAt';
  // Prepared on first use, inside guard(): oidc-provider may ask for an adapter when the store is
  // already down, and that must surface as StoreUnavailableError like any other failure.
  let prepared: ReturnType<typeof prepare> | undefined;
  const statements = () => (prepared ??= prepare());
  const prepare = () => ({
    upsert: db.prepare(`
      INSERT OR REPLACE INTO oidc (model, id, payload, grant_id, uid, user_code, account_id, consumed_at, expires_at)
      VALUES (@model, @id, @payload, @grantId, @uid, @userCode, @accountId, NULL, @expiresAt)`),
    find: db.prepare(`SELECT ${columns} FROM oidc WHERE model = @model AND id = @id AND ${live}`),
    findByUid: db.prepare(`SELECT ${columns} FROM oidc WHERE model = @model AND uid = @uid AND ${live}`),
    findByUserCode: db.prepare(
      `SELECT ${columns} FROM oidc WHERE model = @model AND user_code = @userCode AND ${live}`,
    ),
    consume: db.prepare(
      'UPDATE oidc SET consumed_at = @consumed WHERE model = @model AND id = @id AND consumed_at IS NULL',
    ),
    destroy: db.prepare('DELETE FROM oidc WHERE model = @model AND id = @id'),
    revoke: db.prepare('DELETE FROM oidc WHERE model = @model AND grant_id = @grantId'),
  });

  const read = (row: OidcRow | undefined): OidcPayload | undefined => {
    if (!row) return undefined;
    const payload = JSON.parse(row.payload) as OidcPayload;
    return row.consumedAt === null ? payload : { ...payload, consumed: row.consumedAt };
  };
  const findBy = (key: 'uid' | 'userCode', value: string, row: Row | undefined): OidcRow | undefined => {
    const now = Date.now();
    for (const id of ahead.idsWith(model, key, value)) {
      const written = ahead.rowOf(model, id, undefined, now);
      if (written?.[key] === value) return written;
    }
    const found = row && ahead.rowOf(model, row.id, row, now);
    return found?.[key] === value ? found : undefined;
  };

  return {
    upsert: (id, payload, expiresIn) => {
      const row: OidcRow = {
        payload: JSON.stringify(payload),
        consumedAt: null,
        grantId: payload.grantId ?? null,
        uid: payload.uid ?? null,
        userCode: payload.userCode ?? null,
        expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null,
      };
      return commits.writeAhead(
        () => {
          const { payload: json, grantId, uid, userCode, expiresAt } = row;
          statements().upsert.run({
            model,
            id,
            payload: json,
            grantId,
            uid,
            userCode,
            expiresAt,
            accountId: accountIdOf(payload),
          });
        },
        (commit) => ahead.add({ model, commit, kind: 'upsert', id, row }),
      );
    },
    find: (id) =>
      guard(() => {
        const now = Date.now();
        const row = statements().find.get({ model, id, now }) as Row | undefined;
        return read(ahead.empty ? row : ahead.rowOf(model, id, row, now));
      }),
    findByUid: (uid) =>
      guard(() => {
        const row = statements().findByUid.get({ model, uid, now: Date.now() }) as Row | undefined;
        return read(ahead.empty ? row : findBy('uid', uid, row));
      }),
    findByUserCode: (userCode) =>
      guard(() => {
        const row = statements().findByUserCode.get({ model, userCode, now: Date.now() }) as Row | undefined;
        return read(ahead.empty ? row : findBy('userCode', userCode, row));
      }),
    // One statement spends it only while unspent; SQLite runs one writer at a time, so of
    // concurrent spends (in this process or another on the file) one changes the row; the others,
    // and a spend of a record revoked meanwhile, change none.
    consume: (id) =>
      commits.write(() => {
        const { changes } = statements().consume.run({ model, id, consumed: Math.floor(Date.now() / 1000) });
        if (changes === 0) throw new AlreadyConsumedError(model, id);
      }),
    destroy: (id) =>
      commits.writeAhead(
        () => {
          statements().destroy.run({ model, id });
        },
        (commit) => ahead.add({ model, commit, kind: 'destroy', id }),
      ),
    revokeByGrantId: (grantId) =>
      commits.writeAhead(
        () => {
          statements().revoke.run({ model, grantId });
        },
        (commit) => ahead.add({ model, commit, kind: 'revoke', grantId }),
      ),
  };
}
