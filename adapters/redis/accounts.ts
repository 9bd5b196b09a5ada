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
return redis.call('HMGET', KEYS[1], 'createdAt', 'lastSignInAt')`;

// KEYS: account hash, account set, revision, the account's template set, its consent list. ARGV:
// id, key prefix, gallery channel, change. The account, every template and passkey of it and its
// consents go in one script, so no reader sees half of it.
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
redis.call('DEL', KEYS[1], KEYS[4], KEYS[5], passkeys)
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('INCR', KEYS[3])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1`;

// KEYS: account hash. ARGV: the sign-in's time. Keeps the later of the two times.
const signedInScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local kept = tonumber(redis.call('HGET', KEYS[1], 'lastSignInAt'))
if not kept or kept < tonumber(ARGV[1]) then redis.call('HSET', KEYS[1], 'lastSignInAt', ARGV[1]) end
return 1`;

export function redisAccounts(redis: Redis, prefix: string, changes: RedisGalleryChanges): AccountStore {
  const accountKey = (id: string) => `${prefix}account:${id}`;
  const accountSet = `${prefix}accounts`;
  const revision = `${prefix}revision`;

  const get = (id: string) =>
    guard(async () => {
      const stored = await redis.hgetall(accountKey(id));
      if (!stored.profile) return undefined;
      const lastSignInAt = stored.lastSignInAt === undefined ? undefined : Number(stored.lastSignInAt);
      return accountFromStored(id, stored.profile, Number(stored.createdAt), lastSignInAt);
    });

  return {
    upsert: (account) =>
      guard(async () => {
        const profile = profileToJson(account);
        const [createdAt, lastSignInAt] = (await redis.eval(
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
        )) as [string, string | null];
        const stored = accountFromStored(
          account.id,
          profile,
          Number(createdAt),
          lastSignInAt === null ? undefined : Number(lastSignInAt),
        );
        return changes.committed({ account: account.id }, stored);
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
          5,
          accountKey(id),
          accountSet,
          revision,
          `${prefix}templates:account:${id}`,
          `${prefix}consents:${id}`,
          id,
          prefix,
          changes.channel,
          JSON.stringify({ account: id }),
        );
        return removed === 1 && changes.committed({ account: id }, true);
      }),
    signedIn: (id, at) => guard(async () => (await redis.eval(signedInScript, 1, accountKey(id), at)) === 1),
  };
}
