import type { Database } from 'better-sqlite3';
import type { AuditEvent, AuditStore } from '../contract.js';
import type { AuditRetention } from '../audit-retention.js';
import { guard } from './guard.js';

interface Row { at: number; type: string; result: string; account_id: string | null; client_id: string | null; ip: string | null; detail: string }

/**
 * One row per event, one INSERT per append. `id` keeps the order of events of the same
 * millisecond. Events past the retention age are invisible at once; the store's sweep deletes
 * them and those beyond the retention count.
 */
export function sqliteAudit(db: Database, retention: AuditRetention): AuditStore {
  const insert = db.prepare(`
    INSERT INTO audit_events (at, type, result, account_id, client_id, ip, detail)
    VALUES (@at, @type, @result, @accountId, @clientId, @ip, @detail)`);
  const recent = db.prepare(`
    SELECT at, type, result, account_id, client_id, ip, detail FROM audit_events
    WHERE at >= @oldest ORDER BY at DESC, id DESC LIMIT @limit`);
  const read = (row: Row): AuditEvent => ({
    at: row.at,
    type: row.type,
    result: row.result,
    accountId: row.account_id,
    clientId: row.client_id,
    ip: row.ip,
    detail: JSON.parse(row.detail) as AuditEvent['detail'],
  });

  return {
    append: (event) => guard(() => { insert.run({ ...event, detail: JSON.stringify(event.detail) }); }),
    recent: (limit) => guard(() => {
      if (!(limit >= 1)) return [];
      const rows = recent.all({ oldest: Date.now() - retention.maxAgeMs, limit: Math.floor(limit) }) as Row[];
      return rows.map(read);
    }),
  };
}
