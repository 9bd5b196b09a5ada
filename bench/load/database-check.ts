/**
 * A SQLite file as the next start will find it: SQLite's own integrity and foreign-key checks,
 * and what it holds (accounts, templates per account, keys, oidc-provider records by model).
 * Opened as the server opens it, so a write-ahead log left by a crash is recovered first.
 */
import Database from 'better-sqlite3';

export interface DatabaseState {
  integrity: string;
  foreignKeyProblems: number;
  accounts: number;
  templatesPerAccount: Record<string, number>;
  keys: number;
  oidcRecords: Record<string, number>;
}

export function checkDatabase(file: string): DatabaseState {
  const db = new Database(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const rows = <T>(sql: string) => db.prepare(sql).all() as T[];
    return {
      integrity,
      foreignKeyProblems,
      accounts: rows<{ n: number }>('SELECT count(*) AS n FROM accounts')[0].n,
      templatesPerAccount: Object.fromEntries(
        rows<{ id: string; n: number }>(
          'SELECT a.id, count(t.id) AS n FROM accounts a LEFT JOIN face_templates t ON t.account_id = a.id GROUP BY a.id ORDER BY a.id',
        ).map((r) => [r.id, r.n]),
      ),
      keys: rows<{ n: number }>('SELECT count(*) AS n FROM keys')[0].n,
      oidcRecords: Object.fromEntries(
        rows<{ model: string; n: number }>('SELECT model, count(*) AS n FROM oidc GROUP BY model ORDER BY model').map(
          (r) => [r.model, r.n],
        ),
      ),
    };
  } finally {
    db.close();
  }
}
