import type { Database } from 'better-sqlite3';
import type { AttemptStore } from '../contract.js';
import { guard } from './guard.js';

/**
 * One row per attempt. An attempt at `at` is within the window at `now` while at > now - window.
 * Recording deletes the key's attempts that have left the window, in the same transaction;
 * `expires_at` lets the store's sweep delete those of keys nobody records under any more.
 */
export function sqliteAttempts(db: Database): AttemptStore {
  const forget = db.prepare('DELETE FROM attempts WHERE key = @key AND at <= @since');
  const insert = db.prepare('INSERT INTO attempts (key, at, expires_at) VALUES (@key, @at, @expiresAt)');
  const count = db.prepare('SELECT count(*) AS n FROM attempts WHERE key = @key AND at > @since');
  const oldest = db.prepare('SELECT min(at) AS at FROM attempts WHERE key = @key AND at > @since');
  const newest = db.prepare('SELECT max(at) AS at FROM attempts WHERE key = @key AND at > @since');
  const clear = db.prepare('DELETE FROM attempts WHERE key = ?');
  const countSince = (key: string, since: number) => (count.get({ key, since }) as { n: number }).n;

  return {
    record: (key, windowSeconds, now = Date.now()) =>
      guard(() =>
        db
          .transaction(() => {
            const windowMs = windowSeconds * 1000;
            forget.run({ key, since: now - windowMs });
            insert.run({ key, at: now, expiresAt: now + windowMs });
            return countSince(key, now - windowMs);
          })
          .immediate(),
      ),
    count: (key, windowSeconds, now = Date.now()) => guard(() => countSince(key, now - windowSeconds * 1000)),
    oldestExpiry: (key, windowSeconds, now = Date.now()) =>
      guard(() => {
        const windowMs = windowSeconds * 1000;
        const { at } = oldest.get({ key, since: now - windowMs }) as { at: number | null };
        return at === null ? undefined : at + windowMs;
      }),
    newest: (key, windowSeconds, now = Date.now()) =>
      guard(() => {
        const { at } = newest.get({ key, since: now - windowSeconds * 1000 }) as { at: number | null };
        return at ?? undefined;
      }),
    clear: (key) =>
      guard(() => {
        clear.run(key);
      }),
  };
}
