import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { FaceTemplateRecord, GalleryChange, TemplateStore, TemplateUsage } from '../contract.js';
import { embeddingFromBytes, embeddingToBytes } from '../embedding.js';
import { AccountNotFoundError } from '../errors.js';
import { guard } from './guard.js';
import type { SqliteGalleryChanges } from './gallery-changes.js';
import { bumpRevision, readRevision } from './revision.js';

interface Row {
  id: string;
  account_id: string;
  model: string;
  embedding: Buffer;
  created_at: number;
}

/** `follow` is the store's (store.ts): it outlives this connection. */
export function sqliteTemplates(db: Database, changes: SqliteGalleryChanges): Omit<TemplateStore, 'follow'> {
  const accountExists = db.prepare('SELECT 1 FROM accounts WHERE id = ?');
  const removeOfModel = db.prepare('DELETE FROM face_templates WHERE account_id = ? AND model = ?');
  const insert = db.prepare(`
    INSERT INTO face_templates (id, account_id, model, embedding, created_at)
    VALUES (@id, @accountId, @model, @embedding, @createdAt)`);
  const byModel = db.prepare('SELECT * FROM face_templates WHERE model = ? ORDER BY created_at, id');
  const byAccount = db.prepare('SELECT * FROM face_templates WHERE account_id = ? ORDER BY created_at, id');
  const usage = db.prepare(`
    SELECT account_id AS accountId, model, COUNT(*) AS templates, MAX(created_at) AS newest
    FROM face_templates GROUP BY account_id, model ORDER BY account_id, model`);
  const removeModel = db.prepare('DELETE FROM face_templates WHERE model = ?');
  const removeOfAccount = db.prepare('DELETE FROM face_templates WHERE account_id = ?');
  const read = (row: Row): FaceTemplateRecord => ({
    id: row.id,
    accountId: row.account_id,
    model: row.model,
    embedding: embeddingFromBytes(row.embedding),
    createdAt: row.created_at,
  });

  /** Runs a removal in one transaction; the revision goes up, and followers hear, only when something went. */
  const removing = (remove: () => number, change: GalleryChange) =>
    guard(() => {
      const [removed, revision] = db
        .transaction(() => {
          const removed = remove();
          return [removed, removed > 0 ? bumpRevision(db) : undefined] as const;
        })
        .immediate();
      if (revision !== undefined) changes.committed(change, revision);
      return removed;
    });

  return {
    add: (accountId, model, embeddings, opts = {}) =>
      guard(() => {
        const [added, revision] = db
          .transaction(() => {
            if (!accountExists.get(accountId)) throw new AccountNotFoundError(accountId);
            if (opts.replace) removeOfModel.run(accountId, model);
            const createdAt = Date.now();
            const records = embeddings.map((embedding) => ({
              id: randomUUID(),
              accountId,
              model,
              embedding,
              createdAt,
            }));
            for (const record of records) insert.run({ ...record, embedding: embeddingToBytes(record.embedding) });
            return [records, bumpRevision(db)] as const;
          })
          .immediate();
        changes.committed({ account: accountId }, revision);
        return added;
      }),
    list: (model) => guard(() => (byModel.all(model) as Row[]).map(read)),
    listForAccount: (accountId) => guard(() => (byAccount.all(accountId) as Row[]).map(read)),
    usage: () => guard(() => usage.all() as TemplateUsage[]),
    removeModel: (model) => removing(() => removeModel.run(model).changes, { all: true }),
    removeForAccount: (accountId) => removing(() => removeOfAccount.run(accountId).changes, { account: accountId }),
    revision: () => guard(() => readRevision(db)),
  };
}
