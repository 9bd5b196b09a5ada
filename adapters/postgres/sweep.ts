import type pg from 'pg';
import { AUDIT_SHELVES, type AuditRetention } from '../audit-retention.js';
import { transaction } from './connection.js';

/**
 * Deletes what every read already ignores, to reclaim its space: expired oidc records and
 * invitations, attempts that have left their window, audit events past the retention age, and the
 * oldest events beyond the retention count of each shelf. One transaction, so a sweep is never half
 * done; several instances may sweep at once (each deletes what is left).
 */
export function postgresSweep(pool: pg.Pool, retention: AuditRetention): (now: number) => Promise<void> {
  return (now) =>
    transaction(pool, async (client) => {
      await client.query('DELETE FROM oidc WHERE expires_at <= $1', [now]);
      await client.query('DELETE FROM invitations WHERE expires_at <= $1', [now]);
      await client.query('DELETE FROM attempts WHERE expires_at <= $1', [now]);
      await client.query('DELETE FROM audit_events WHERE at < $1', [now - retention.maxAgeMs]);
      for (const shelf of AUDIT_SHELVES) {
        await client.query(
          `DELETE FROM audit_events WHERE id IN (
             SELECT id FROM audit_events WHERE shelf = $1 ORDER BY at DESC, id DESC OFFSET $2)`,
          [shelf, retention.maxEvents],
        );
      }
    });
}
