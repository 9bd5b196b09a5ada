import type { Database } from 'better-sqlite3';

/** Called inside the transaction that changes accounts or templates, so both commit together; returns the new revision. */
export function bumpRevision(db: Database): number {
  return (db.prepare('UPDATE revision SET value = value + 1 WHERE id = 1 RETURNING value').get() as { value: number })
    .value;
}

export function readRevision(db: Database): number {
  return (db.prepare('SELECT value FROM revision WHERE id = 1').get() as { value: number }).value;
}
