import type { Redis } from 'ioredis';
import type { KeyRecord, KeyStore } from '../contract.js';
import { guard } from './connection.js';

// Creates the list only when absent, in one script: of several instances starting together on
// one Redis, exactly one writes its keys and all read the same ones back.
const ensureScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('RPUSH', KEYS[1], unpack(ARGV)) end
return redis.call('LRANGE', KEYS[1], 0, -1)`;

/** Each kind is a list of JSON records, newest at the head. */
export function redisKeys(redis: Redis, prefix: string): KeyStore {
  const listKey = (kind: string) => `${prefix}keys:${kind}`;
  const read = (items: string[]) => items.map((item) => JSON.parse(item) as KeyRecord);

  return {
    list: (kind) => guard(async () => read(await redis.lrange(listKey(kind), 0, -1))),
    ensure: (kind, initial) =>
      guard(async () => {
        const stored = await redis.eval(
          ensureScript,
          1,
          listKey(kind),
          ...initial.map((record) => JSON.stringify(record)),
        );
        return read(stored as string[]);
      }),
    add: (kind, records) =>
      guard(async () => {
        // LPUSH puts its last argument at the head: push in reverse so the first given is newest.
        await redis.lpush(listKey(kind), ...[...records].reverse().map((record) => JSON.stringify(record)));
      }),
  };
}
