import pg from 'pg';
import { ChangeHub } from '../change-hub.js';
import type { GalleryChange } from '../contract.js';
import { clientConfig, guard, num } from './connection.js';

/**
 * Gallery changes through LISTEN/NOTIFY. A change is announced inside the transaction that makes
 * it (PostgreSQL delivers the notification at commit, never for a rollback), with the revision
 * moved in the same transaction. Each follower holds a connection of its own that LISTENs; when
 * that connection breaks it reconnects and tells its listener to read everything again, since
 * notifications sent meanwhile are lost. This instance's own followers hear of a change at once
 * after its commit too (`committed`), then again through PostgreSQL (reading an account twice is harmless).
 */
export interface GalleryChanges {
  /** Inside the transaction that makes the change. */
  announce(client: pg.ClientBase, change: GalleryChange): Promise<void>;
  /** Once that transaction has committed. */
  committed<T>(change: GalleryChange, result: T): T;
  revision(): Promise<number>;
  follow(listener: (change: GalleryChange) => void): Promise<() => Promise<void>>;
}

export function postgresGalleryChanges(pool: pg.Pool, url: string, schema: string): GalleryChanges {
  // One channel per schema: stores in other schemas of the database do not hear it.
  const channel = `facegate_${schema}`;
  const hub = new ChangeHub();

  return {
    async announce(client, change) {
      await client.query(
        `WITH moved AS (UPDATE revision SET value = value + 1 WHERE id = 1 RETURNING value)
         SELECT pg_notify($1, $2) FROM moved`,
        [channel, JSON.stringify(change)],
      );
    },
    committed(change, result) {
      hub.emit(change);
      return result;
    },
    revision: async () => {
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM revision WHERE id = 1');
      return num(rows[0]!.value);
    },
    follow: (listener) =>
      guard(async () => {
        const stopListening = await listen(url, schema, channel, listener);
        const off = hub.on(listener);
        return async () => {
          off();
          await stopListening();
        };
      }),
  };
}

async function listen(
  url: string,
  schema: string,
  channel: string,
  listener: (change: GalleryChange) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    // No query timeout: this connection waits for notifications, it runs no queries after LISTEN.
    const next = new pg.Client({ ...clientConfig(url, schema), query_timeout: undefined });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) listener(JSON.parse(message.payload) as GalleryChange);
    });
    const lost = () => {
      if (client !== next) return;
      client = undefined;
      next.end().catch(() => {});
      if (!stopped) reconnect(1);
    };
    next.on('error', lost);
    next.on('end', lost);
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
    } catch (error) {
      next.end().catch(() => {});
      throw error;
    }
    client = next;
  };
  const reconnect = (attempt: number) => {
    retry = setTimeout(
      () => {
        connect().then(
          () => (stopped ? client?.end().catch(() => {}) : listener({ all: true })),
          () => !stopped && reconnect(attempt + 1),
        );
      },
      Math.min(attempt * 200, 2000),
    );
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const last = client;
    client = undefined;
    await last?.end().catch(() => {});
  };
}
