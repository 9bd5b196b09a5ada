import type pg from 'pg';
import type { AuditEvent, AuditStore } from '../contract.js';
import { shelfOf, type AuditRetention } from '../audit-retention.js';
import { guard, num } from './connection.js';

interface Row {
  at: string;
  type: string;
  result: string;
  account_id: string | null;
  client_id: string | null;
  ip: string | null;
  detail: AuditEvent['detail'];
  count: number | null;
  last_at: string | null;
}

/**
 * One row per event, one statement per append or fold, as on SQLite: `id` keeps the order of events
 * of the same millisecond, `shelf` says which retention applies, and a folded event is a row with a
 * `fold_key` (the key and its window) whose count and last_at later occurrences update in place.
 * Events past the retention age are invisible at once; the sweep deletes them and those beyond the
 * retention count of their shelf.
 */
export function postgresAudit(pool: pg.Pool, retention: AuditRetention): AuditStore {
  const columns = 'at, type, result, account_id, client_id, ip, detail, shelf';
  const values = (event: AuditEvent) => [
    event.at,
    event.type,
    event.result,
    event.accountId,
    event.clientId,
    event.ip,
    JSON.stringify(event.detail),
    shelfOf(event),
  ];
  const read = (row: Row): AuditEvent => ({
    at: num(row.at),
    type: row.type,
    result: row.result,
    accountId: row.account_id,
    clientId: row.client_id,
    ip: row.ip,
    detail: row.detail,
    ...(row.count === null ? {} : { count: row.count, lastAt: num(row.last_at) }),
  });

  return {
    append: (event) =>
      guard(async () => {
        await pool.query(
          `INSERT INTO audit_events (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          values(event),
        );
      }),
    fold: (key, windowSeconds, event) =>
      guard(async () => {
        await pool.query(
          `INSERT INTO audit_events (${columns}, fold_key, count, last_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $1)
           ON CONFLICT (fold_key) DO UPDATE
             SET count = audit_events.count + 1, last_at = greatest(audit_events.last_at, excluded.at)`,
          [...values(event), `${key}@${Math.floor(event.at / (windowSeconds * 1000))}`],
        );
      }),
    recent: (limit) =>
      guard(async () => {
        if (!(limit >= 1)) return [];
        const { rows } = await pool.query<Row>(
          `SELECT at, type, result, account_id, client_id, ip, detail, count, last_at FROM audit_events
           WHERE at >= $1 ORDER BY at DESC, id DESC LIMIT $2`,
          [Date.now() - retention.maxAgeMs, Math.floor(limit)],
        );
        return rows.map(read);
      }),
    forAccount: (accountId, limit, type) =>
      guard(async () => {
        if (!(limit >= 1)) return [];
        const { rows } = await pool.query<Row>(
          `SELECT at, type, result, account_id, client_id, ip, detail, count, last_at FROM audit_events
           WHERE account_id = $1 AND at >= $2 AND ($3::text IS NULL OR type = $3)
           ORDER BY at DESC, id DESC LIMIT $4`,
          [accountId, Date.now() - retention.maxAgeMs, type ?? null, Math.floor(limit)],
        );
        return rows.map(read);
      }),
  };
}
