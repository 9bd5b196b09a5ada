import type { Database } from 'better-sqlite3';
import type { KeyKind, KeyRecord, KeyStore, StoredJwk } from '../contract.js';
import { guard } from './guard.js';

interface Row {
  kind: KeyKind;
  kid: string;
  jwk: string;
  created_at: number;
}

/** `seq` keeps insertion order, so "newest first" is exact even within one millisecond. */
export function sqliteKeys(db: Database): KeyStore {
  const list = db.prepare('SELECT kind, kid, jwk, created_at FROM keys WHERE kind = ? ORDER BY seq DESC');
  const count = db.prepare('SELECT count(*) AS n FROM keys WHERE kind = ?');
  const nextSeq = db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM keys');
  const insert = db.prepare(
    'INSERT INTO keys (kind, kid, jwk, created_at, seq) VALUES (@kind, @kid, @jwk, @createdAt, @seq)',
  );
  const read = (row: Row): KeyRecord => ({
    kind: row.kind,
    kid: row.kid,
    jwk: JSON.parse(row.jwk) as StoredJwk,
    createdAt: row.created_at,
  });

  // Records are inserted last to first, so the first one given ends up newest.
  const insertAll = (kind: KeyKind, records: KeyRecord[]) => {
    let { seq } = nextSeq.get() as { seq: number };
    for (const record of [...records].reverse()) {
      insert.run({ kind, kid: record.kid, jwk: JSON.stringify(record.jwk), createdAt: record.createdAt, seq: seq++ });
    }
  };

  return {
    list: (kind) => guard(() => (list.all(kind) as Row[]).map(read)),
    // IMMEDIATE takes the write lock before reading, so two processes on one file cannot both
    // see "no keys" and both insert.
    ensure: (kind, initial) =>
      guard(() =>
        db
          .transaction(() => {
            if ((count.get(kind) as { n: number }).n === 0) insertAll(kind, initial);
            return (list.all(kind) as Row[]).map(read);
          })
          .immediate(),
      ),
    add: (kind, records) => guard(() => db.transaction(() => insertAll(kind, records)).immediate()),
  };
}
