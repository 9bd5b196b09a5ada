import type { Store, StoreOptions, StoreSpec } from './contract.js';
import { readableByOthers } from './sqlite/file-modes.js';

/** Opens the backend the spec names; each is loaded only when used (no Redis client for SQLite). */
export async function openStore(spec: StoreSpec, { holdCommit }: StoreOptions = {}): Promise<Store> {
  switch (spec.type) {
    case 'sqlite': {
      const { openSqliteStore } = await import('./sqlite/store.js');
      return openSqliteStore(spec.file, { holdCommit });
    }
    case 'redis': {
      const { openRedisStore } = await import('./redis/store.js');
      return openRedisStore(spec.url, spec.keyPrefix);
    }
    case 'postgres': {
      const { openPostgresStore } = await import('./postgres/store.js');
      return openPostgresStore(spec.url, spec.schema);
    }
  }
}

/** Files of the store that users other than its owner can read (a SQLite file made by an older facegate, or by hand). */
export function storeFilesReadableByOthers(spec: StoreSpec): string[] {
  return spec.type === 'sqlite' ? readableByOthers(spec.file) : [];
}
