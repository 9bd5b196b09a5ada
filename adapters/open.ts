import type { Store, StoreSpec } from './contract.js';

/** Opens the backend the spec names; each is loaded only when used (no Redis client for SQLite). */
export async function openStore(spec: StoreSpec): Promise<Store> {
  switch (spec.type) {
    case 'sqlite': {
      const { openSqliteStore } = await import('./sqlite/store.js');
      return openSqliteStore(spec.file);
    }
    case 'redis': {
      const { openRedisStore } = await import('./redis/store.js');
      return openRedisStore(spec.url, spec.keyPrefix);
    }
  }
}
