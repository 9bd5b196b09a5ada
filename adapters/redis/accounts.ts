import type { Redis } from 'ioredis';
import type { AccountStore } from '../contract.js';
import { accountFromStored, profileToJson } from '../account-record.js';
import { guard } from './connection.js';
import type { RedisGalleryChanges } from './gallery-changes.js';

// KEYS: account hash, account set, revision. ARGV: id, profile JSON, now, gallery channel, change.
// Keeps the first createdAt.
const upsertScript = `
redis.call('HSETNX', KEYS[1], 'createdAt', ARGV[3])
redis.call('HSET', KEYS[1], 'profile', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('INCR', KEYS[3])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return redis.call('HGET', KEYS[1], 'createdAt')`;

// KEYS: account hash, account set, revision, the account's template set. ARGV: id, key prefix,
// gallery channel, change. The account and every template and passkey of it go in one script, so no reader sees half of it.
const removeScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for _, tid in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  local tkey = ARGV[2] .. 'template:' .. tid
  local model = redis.call('HGET', tkey, 'model')
  if model then redis.call('SREM', ARGV[2] .. 'templates:model:' .. model, tid) end
  redis.call('DEL', tkey)
end
local passkeys = ARGV[2] .. 'passkeys:account:' .. ARGV[1]
for _, cid in ipairs(redis.call('SMEMBERS', passkeys)) do redis.call('DEL', ARGV[2] .. 'passkey:' .. cid) end
redis.call('DEL', KEYS[1], KEYS[4], passkeys)
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('INCR', KEYS[3])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1`;

export function redisAccounts(redis: Redis, prefix: string, changes: RedisGalleryChanges): AccountStore {
  const accountKey = (id: string) => `${prefix}account:${id}`;
  const accountSet = `${prefix}accounts`;
  const revision = `${prefix}revision`;

  const get = (id: string) =>
    guard(async () => {
      const stored = await redis.hgetall(accountKey(id));
      return stored.profile ? accountFromStored(id, stored.profile, Number(stored.createdAt)) : undefined;
    });

  return {
    upsert: (account) =>
      guard(async () => {
        const profile = profileToJson(account);
        const createdAt = await redis.eval(
          upsertScript,
          3,
          accountKey(account.id),
          accountSet,
          revision,
          account.id,
          profile,
          Date.now(),
          changes.channel,
          JSON.stringify({ account: account.id }),
        );
        return changes.committed({ account: account.id }, accountFromStored(account.id, profile, Number(createdAt)));
      }),
    get,
    list: () =>
      guard(async () => {
        const ids = (await redis.smembers(accountSet)).sort();
        const accounts = await Promise.all(ids.map(get));
        return accounts.filter((account) => account !== undefined);
      }),
    remove: (id) =>
      guard(async () => {
        const removed = await redis.eval(
          removeScript,
          4,
          accountKey(id),
          accountSet,
          revision,
          `${prefix}templates:account:${id}`,
          id,
          prefix,
          changes.channel,
          JSON.stringify({ account: id }),
        );
        return removed === 1 && changes.committed({ account: id }, true);
      }),
  };
}
