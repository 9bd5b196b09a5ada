import type { Database } from 'better-sqlite3';
import { AUDIT_SHELVES, type AuditRetention } from '../audit-retention.js';

/**
 * Deletes what every read already ignores, to reclaim its space: expired oidc records and
 * invitations, attempts that have left their window, audit events past the retention age, and
 * the oldest events beyond the retention count of each shelf. One transaction, so a sweep is
 * never half done.
 */
export function sqliteSweep(db: Database, retention: AuditRetention): (now: number) => void {
  const statements = [
    db.prepare('DELETE FROM oidc WHERE expires_at <= @now'),
    db.prepare('DELETE FROM invitations WHERE expires_at <= @now'),
    db.prepare('DELETE FROM attempts WHERE expires_at <= @now'),
    db.prepare('DELETE FROM audit_events WHERE at < @oldestEvent'),
  ];
  const beyondCount = db.prepare(`
    DELETE FROM audit_events WHERE id IN (
      SELECT id FROM audit_events WHERE shelf = @shelf ORDER BY at DESC, id DESC LIMIT -1 OFFSET @maxEvents)`);
  const sweep = db.transaction((now: number) => {
    const parameters = { now, oldestEvent: now - retention.maxAgeMs };
    for (const statement of statements) statement.run(parameters);
    for (const shelf of AUDIT_SHELVES) beyondCount.run({ shelf, maxEvents: retention.maxEvents });
  });
  return (now) => sweep.immediate(now);
}
