import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { FaceTemplateRecord, GalleryChange, TemplateStore, TemplateUsage } from '../contract.js';
import { embeddingFromBytes, embeddingToBytes } from '../embedding.js';
import { AccountNotFoundError } from '../errors.js';
import { guard, num, transaction } from './connection.js';
import type { GalleryChanges } from './gallery-changes.js';

interface Row {
  id: string;
  account_id: string;
  model: string;
  embedding: Buffer;
  created_at: string;
}

export function postgresTemplates(pool: pg.Pool, changes: GalleryChanges): TemplateStore {
  const columns = 'id, account_id, model, embedding, created_at';
  const read = (row: Row): FaceTemplateRecord => ({
    id: row.id,
    accountId: row.account_id,
    model: row.model,
    embedding: embeddingFromBytes(row.embedding),
    createdAt: num(row.created_at),
  });
  const select = async (where: string, value: string) => {
    const { rows } = await pool.query<Row>(
      `SELECT ${columns} FROM face_templates WHERE ${where} = $1 ORDER BY created_at, id COLLATE "C"`,
      [value],
    );
    return rows.map(read);
  };

  /** One DELETE in a transaction that announces the change when something went. */
  const removing = (sql: string, value: string, change: GalleryChange) =>
    guard(async () => {
      const removed = await transaction(pool, async (client) => {
        const { rowCount } = await client.query(sql, [value]);
        if (rowCount) await changes.announce(client, change);
        return rowCount ?? 0;
      });
      return removed > 0 ? changes.committed(change, removed) : 0;
    });

  return {
    // One transaction: the replaced templates and the new ones are seen together or not at all.
    // The account's row is locked first, so a removal of the account waits for it (or it for the removal).
    add: (accountId, model, embeddings, opts = {}) =>
      guard(async () => {
        const added = await transaction(pool, async (client) => {
          const { rowCount } = await client.query('SELECT 1 FROM accounts WHERE id = $1 FOR SHARE', [accountId]);
          if (!rowCount) throw new AccountNotFoundError(accountId);
          if (opts.replace) {
            await client.query('DELETE FROM face_templates WHERE account_id = $1 AND model = $2', [accountId, model]);
          }
          const createdAt = Date.now();
          const records = embeddings.map((embedding) => ({ id: randomUUID(), accountId, model, embedding, createdAt }));
          if (records.length > 0) {
            await client.query(
              `INSERT INTO face_templates (${columns})
               SELECT id, $2, $3, embedding, $4 FROM unnest($1::text[], $5::bytea[]) AS t (id, embedding)`,
              [
                records.map((r) => r.id),
                accountId,
                model,
                createdAt,
                records.map((r) => embeddingToBytes(r.embedding)),
              ],
            );
          }
          await changes.announce(client, { account: accountId });
          return records;
        });
        return changes.committed({ account: accountId }, added);
      }),
    list: (model) => guard(() => select('model', model)),
    listForAccount: (accountId) => guard(() => select('account_id', accountId)),
    usage: () =>
      guard(async () => {
        const { rows } = await pool.query<{ account_id: string; model: string; templates: number; newest: string }>(`
          SELECT account_id, model, count(*)::integer AS templates, max(created_at) AS newest
          FROM face_templates GROUP BY account_id, model ORDER BY account_id COLLATE "C", model COLLATE "C"`);
        return rows.map(
          (row): TemplateUsage => ({
            accountId: row.account_id,
            model: row.model,
            templates: row.templates,
            newest: num(row.newest),
          }),
        );
      }),
    removeModel: (model) => removing('DELETE FROM face_templates WHERE model = $1', model, { all: true }),
    removeForAccount: (accountId) =>
      removing('DELETE FROM face_templates WHERE account_id = $1', accountId, { account: accountId }),
    revision: () => guard(() => changes.revision()),
    follow: (listener) => changes.follow(listener),
  };
}
