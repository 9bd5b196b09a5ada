import type { Database } from 'better-sqlite3';

/** Called inside the transaction that changes accounts or templates, so both commit together. */
export function bumpRevision(db: Database): void {
  db.prepare('UPDATE revision SET value = value + 1 WHERE id = 1').run();
}

export function readRevision(db: Database): number {
  return (db.prepare('SELECT value FROM revision WHERE id = 1').get() as { value: number }).value;
}
