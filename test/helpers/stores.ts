import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreSpec } from '../../adapters/contract.js';
import { postgresMissing, testPostgresUrl, uniqueSchema } from './postgres.js';
import { redisMissing, testRedisUrl, uniqueKeyPrefix } from './redis.js';

/** The backends every store-backed suite runs against, each giving a fresh, empty store spec. */
export interface Backend {
  name: 'sqlite' | 'redis' | 'postgres';
  /** A fresh store spec, or undefined when this backend cannot run here. */
  spec(): Promise<StoreSpec | undefined>;
  skipReason: string;
}

const folders: string[] = [];

/** A new folder under the system's temporary folder, removed when the run ends. */
export function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'facegate-test-'));
  folders.push(folder);
  return folder;
}

after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

export const backends: Backend[] = [
  {
    name: 'sqlite',
    spec: async () => ({ type: 'sqlite', file: join(temporaryFolder(), 'facegate.sqlite') }),
    skipReason: '',
  },
  {
    name: 'redis',
    spec: async () => {
      const url = await testRedisUrl();
      return url ? { type: 'redis', url, keyPrefix: uniqueKeyPrefix() } : undefined;
    },
    skipReason: redisMissing,
  },
  {
    name: 'postgres',
    spec: async () => {
      const url = testPostgresUrl();
      return url ? { type: 'postgres', url, schema: uniqueSchema() } : undefined;
    },
    skipReason: postgresMissing,
  },
];

/** A fresh store spec for this backend, or the test (or suite) is skipped, saying why. */
export async function specOrSkip(context: Mocha.Context, backend: Backend): Promise<StoreSpec> {
  const spec = await backend.spec();
  if (!spec) {
    console.warn(`      ${backend.skipReason}`);
    context.skip();
  }
  return spec!;
}
