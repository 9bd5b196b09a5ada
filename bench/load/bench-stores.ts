/**
 * The stores the bench runs facegate on, each started here and stopped by its process id: a SQLite
 * file, a redis-server without persistence, and a PostgreSQL cluster made by initdb in a temporary
 * folder. Redis and PostgreSQL are left out, saying why, when they are not installed.
 */
import { join } from 'node:path';
import type { StoreSpec } from '../../adapters/contract.js';
import { PostgresServer } from '../../test/support/postgres-server.js';
import { RedisServer } from '../../test/support/redis-server.js';

export const STORE_NAMES = ['sqlite', 'redis', 'postgres'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

export interface BenchStore {
  name: StoreName;
  spec: StoreSpec;
  stop(): Promise<void>;
}

/** The store named, started; or why it cannot be. */
export async function startBenchStore(name: StoreName, dir: string, label: string): Promise<BenchStore | string> {
  switch (name) {
    case 'sqlite':
      return { name, spec: { type: 'sqlite', file: join(dir, `${label}.sqlite`) }, stop: async () => {} };
    case 'redis': {
      const redis = await RedisServer.start();
      if (!redis) return 'redis-server is not installed (apt-get install -y redis-server)';
      return { name, spec: { type: 'redis', url: redis.url, keyPrefix: `${label}:` }, stop: async () => redis.stop() };
    }
    case 'postgres': {
      const postgres = await PostgresServer.start();
      if (!postgres) return 'PostgreSQL is not installed (apt-get install -y postgresql)';
      return { name, spec: { type: 'postgres', url: postgres.url }, stop: () => postgres.remove() };
    }
  }
}

export const storeTitle: Record<StoreName, string> = { sqlite: 'SQLite', redis: 'Redis', postgres: 'PostgreSQL' };
