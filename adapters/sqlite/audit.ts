import type { Database } from 'better-sqlite3';
import type { AuditEvent, AuditStore } from '../contract.js';
import { shelfOf, type AuditRetention } from '../audit-retention.js';
import { guard } from './guard.js';

interface Row {
  at: number;
  type: string;
  result: string;
  account_id: string | null;
  client_id: string | null;
  ip: string | null;
  detail: string;
  count: number | null;
  last_at: number | null;
}

/**
 * One row per event, one statement per append or fold. `id` keeps the order of events of the same
 * millisecond; `shelf` says which retention applies. A folded event is a row with a `fold_key`
 * (the key and its window), whose count and last_at the next occurrences update in place. Events
 * past the retention age are invisible at once; the store's sweep deletes them and those beyond
 * the retention count of their shelf.
 */
export function sqliteAudit(db: Database, retention: AuditRetention): AuditStore {
  const columns = 'at, type, result, account_id, client_id, ip, detail, shelf';
  const values = '@at, @type, @result, @accountId, @clientId, @ip, @detail, @shelf';
  const insert = db.prepare(`INSERT INTO audit_events (${columns}) VALUES (${values})`);
  const fold = db.prepare(`
    INSERT INTO audit_events (${columns}, fold_key, count, last_at) VALUES (${values}, @foldKey, 1, @at)
    ON CONFLICT (fold_key) WHERE fold_key IS NOT NULL DO UPDATE SET count = count + 1, last_at = max(last_at, excluded.at)`);
  const recent = db.prepare(`
    SELECT at, type, result, account_id, client_id, ip, detail, count, last_at FROM audit_events
    WHERE at >= @oldest ORDER BY at DESC, id DESC LIMIT @limit`);
  const ofAccount = db.prepare(`
    SELECT at, type, result, account_id, client_id, ip, detail, count, last_at FROM audit_events
    WHERE account_id = @accountId AND at >= @oldest AND (@type IS NULL OR type = @type)
    ORDER BY at DESC, id DESC LIMIT @limit`);
  const row = (event: AuditEvent) => ({
    at: event.at,
    type: event.type,
    result: event.result,
    accountId: event.accountId,
    clientId: event.clientId,
    ip: event.ip,
    detail: JSON.stringify(event.detail),
    shelf: shelfOf(event),
  });
  const read = (row: Row): AuditEvent => ({
    at: row.at,
    type: row.type,
    result: row.result,
    accountId: row.account_id,
    clientId: row.client_id,
    ip: row.ip,
    detail: JSON.parse(row.detail) as AuditEvent['detail'],
    ...(row.count === null ? {} : { count: row.count, lastAt: row.last_at! }),
  });

  return {
    append: (event) =>
      guard(() => {
        insert.run(row(event));
      }),
    fold: (key, windowSeconds, event) =>
      guard(() => {
        fold.run({ ...row(event), foldKey: `${key}@${Math.floor(event.at / (windowSeconds * 1000))}` });
      }),
    recent: (limit) =>
      guard(() => {
        if (!(limit >= 1)) return [];
        const rows = recent.all({ oldest: Date.now() - retention.maxAgeMs, limit: Math.floor(limit) }) as Row[];
        return rows.map(read);
      }),
    forAccount: (accountId, limit, type) =>
      guard(() => {
        if (!(limit >= 1)) return [];
        const oldest = Date.now() - retention.maxAgeMs;
        const rows = ofAccount.all({ accountId, oldest, type: type ?? null, limit: Math.floor(limit) }) as Row[];
        return rows.map(read);
      }),
  };
}
