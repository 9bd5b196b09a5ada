import type pg from 'pg';
import type { AttemptStore } from '../contract.js';
import { guard, transaction } from './connection.js';

/**
 * One row per attempt. An attempt at `at` is within the window at `now` while at > now - window.
 * Recording deletes the key's attempts that have left the window and counts, in one transaction
 * that holds a lock on the key (an advisory lock on its hash), so concurrent attempts on one key
 * each get their own count; `expires_at` lets the sweep delete those of keys nobody records under.
 */
export function postgresAttempts(pool: pg.Pool): AttemptStore {
  const aggregate = async (fn: 'count' | 'min' | 'max', key: string, since: number) => {
    const { rows } = await pool.query<{ value: string | null }>(
      `SELECT ${fn}(at) AS value FROM attempts WHERE key = $1 AND at > $2::float8`,
      [key, since],
    );
    const value = rows[0]?.value;
    return value === null || value === undefined ? undefined : Number(value);
  };

  return {
    record: (key, windowSeconds, now = Date.now()) =>
      guard(() =>
        transaction(pool, async (client) => {
          const windowMs = windowSeconds * 1000;
          await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`attempts:${key}`]);
          await client.query('DELETE FROM attempts WHERE key = $1 AND at <= $2::float8', [key, now - windowMs]);
          await client.query('INSERT INTO attempts (key, at, expires_at) VALUES ($1, $2, $3)', [
            key,
            now,
            Math.ceil(now + windowMs),
          ]);
          const { rows } = await client.query<{ n: number }>(
            'SELECT count(*)::integer AS n FROM attempts WHERE key = $1 AND at > $2::float8',
            [key, now - windowMs],
          );
          return rows[0]!.n;
        }),
      ),
    count: (key, windowSeconds, now = Date.now()) =>
      guard(async () => (await aggregate('count', key, now - windowSeconds * 1000)) ?? 0),
    oldestExpiry: (key, windowSeconds, now = Date.now()) =>
      guard(async () => {
        const windowMs = windowSeconds * 1000;
        const at = await aggregate('min', key, now - windowMs);
        return at === undefined ? undefined : at + windowMs;
      }),
    newest: (key, windowSeconds, now = Date.now()) => guard(() => aggregate('max', key, now - windowSeconds * 1000)),
    clear: (key) =>
      guard(async () => {
        await pool.query('DELETE FROM attempts WHERE key = $1', [key]);
      }),
  };
}
