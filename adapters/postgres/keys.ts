import type pg from 'pg';
import type { KeyKind, KeyRecord, KeyStore, StoredJwk } from '../contract.js';
import { guard, num, transaction } from './connection.js';

interface Row {
  kind: KeyKind;
  kid: string;
  jwk: StoredJwk;
  created_at: string;
}

/** One advisory lock per kind, taken by `ensure`: facegate's own keys (any bigints), one per kind. */
const ensureLocks: Record<KeyKind, string> = { signing: '7365001', cookie: '7365002' };

/** `seq` keeps insertion order, so "newest first" is exact even within one millisecond. */
export function postgresKeys(pool: pg.Pool): KeyStore {
  const read = (row: Row): KeyRecord => ({
    kind: row.kind,
    kid: row.kid,
    jwk: row.jwk,
    createdAt: num(row.created_at),
  });
  const list = async (client: pg.Pool | pg.PoolClient, kind: KeyKind) => {
    const { rows } = await client.query<Row>(
      'SELECT kind, kid, jwk, created_at FROM keys WHERE kind = $1 ORDER BY seq DESC',
      [kind],
    );
    return rows.map(read);
  };
  // Inserted last to first, in one statement (WITH ORDINALITY keeps the order), so the first given ends up newest.
  const insertAll = (client: pg.Pool | pg.PoolClient, kind: KeyKind, records: KeyRecord[]) =>
    client.query(
      `INSERT INTO keys (kind, kid, jwk, created_at)
       SELECT $1, kid, jwk, created_at FROM unnest($2::text[], $3::json[], $4::bigint[]) WITH ORDINALITY
         AS r (kid, jwk, created_at, n) ORDER BY n DESC`,
      [kind, records.map((r) => r.kid), records.map((r) => JSON.stringify(r.jwk)), records.map((r) => r.createdAt)],
    );

  return {
    list: (kind) => guard(() => list(pool, kind)),
    // The lock makes instances that start together take turns: the first finds no key and inserts
    // its set, the others find that set and return it. Without it both could see "no keys" and insert.
    ensure: (kind, initial) =>
      guard(() =>
        transaction(pool, async (client) => {
          await client.query('SELECT pg_advisory_xact_lock($1)', [ensureLocks[kind]]);
          const { rowCount } = await client.query('SELECT 1 FROM keys WHERE kind = $1 LIMIT 1', [kind]);
          if (!rowCount) await insertAll(client, kind, initial);
          return list(client, kind);
        }),
      ),
    add: (kind, records) =>
      guard(async () => {
        await insertAll(pool, kind, records);
      }),
  };
}
