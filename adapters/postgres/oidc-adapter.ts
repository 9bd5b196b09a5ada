import type pg from 'pg';
import type { OidcAdapter, OidcPayload } from '../contract.js';
import { AlreadyConsumedError } from '../errors.js';
import { accountIdOf } from '../account-of-payload.js';
import { guard, num } from './connection.js';

interface Row {
  payload: OidcPayload;
  consumed_at: string | null;
}

/** oidc-provider's Adapter on one table, keyed by (model, id); expired rows are invisible and the sweep deletes them. */
export function postgresOidcAdapter(pool: pg.Pool, model: string): OidcAdapter {
  const live = '(expires_at IS NULL OR expires_at > $3)';
  const findBy = (column: 'id' | 'uid' | 'user_code') => (value: string) =>
    guard(async () => {
      const { rows } = await pool.query<Row>(
        `SELECT payload, consumed_at FROM oidc WHERE model = $1 AND ${column} = $2 AND ${live}`,
        [model, value, Date.now()],
      );
      const row = rows[0];
      if (!row) return undefined;
      return row.consumed_at === null ? row.payload : { ...row.payload, consumed: num(row.consumed_at) };
    });

  return {
    upsert: (id, payload, expiresIn) =>
      guard(async () => {
        await pool.query(
          `INSERT INTO oidc (model, id, payload, grant_id, uid, user_code, consumed_at, expires_at, account_id)
           VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8)
           ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
             uid = excluded.uid, user_code = excluded.user_code, consumed_at = NULL, expires_at = excluded.expires_at,
             account_id = excluded.account_id`,
          [
            model,
            id,
            JSON.stringify(payload),
            payload.grantId ?? null,
            payload.uid ?? null,
            payload.userCode ?? null,
            typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null,
            accountIdOf(payload),
          ],
        );
      }),
    find: findBy('id'),
    findByUid: findBy('uid'),
    findByUserCode: findBy('user_code'),
    // UPDATE … RETURNING: the row lock makes concurrent spends take turns, and only the first
    // finds it unspent; the others, and a spend of a record revoked meanwhile, get no row.
    consume: (id) =>
      guard(async () => {
        const { rowCount } = await pool.query(
          'UPDATE oidc SET consumed_at = $3 WHERE model = $1 AND id = $2 AND consumed_at IS NULL RETURNING id',
          [model, id, Math.floor(Date.now() / 1000)],
        );
        if (!rowCount) throw new AlreadyConsumedError(model, id);
      }),
    destroy: (id) =>
      guard(async () => {
        await pool.query('DELETE FROM oidc WHERE model = $1 AND id = $2', [model, id]);
      }),
    revokeByGrantId: (grantId) =>
      guard(async () => {
        await pool.query('DELETE FROM oidc WHERE model = $1 AND grant_id = $2', [model, grantId]);
      }),
  };
}
