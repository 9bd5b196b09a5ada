import type { Redis } from 'ioredis';
import type { OidcAdapter, OidcPayload } from '../contract.js';
import { AlreadyConsumedError } from '../errors.js';
import { accountIdOf } from '../account-of-payload.js';
import { accountTokensKey } from './account-tokens.js';
import { execAll, guard } from './connection.js';

// Sets `consumed` only on a record that still exists (a late consume leaves no stray key) and
// only once: one script, so of concurrent spends exactly one finds it there and unspent.
const consumeScript = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HSETNX', KEYS[1], 'consumed', ARGV[1]) == 0 then
  return redis.error_reply('ALREADY_CONSUMED')
end
return 1`;

// Deletes each record the grant's index names, then the index itself.
const revokeScript = `
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('DEL', ARGV[1] .. id) end
redis.call('DEL', KEYS[1])`;

/**
 * oidc-provider's Adapter on Redis. Each record is a hash (`payload` JSON, `consumed` when used)
 * that expires with the record; sessions are found by uid and device codes by user code through
 * index keys of the same lifetime; each grant has a set of its record ids per model, kept as long
 * as its longest-lived member, and so has each account a set of the keys of its records (of every model).
 */
export function redisOidcAdapter(redis: Redis, prefix: string, model: string): OidcAdapter {
  const base = `${prefix}oidc:${model}:`;
  const recordKey = (id: string) => `${base}id:${id}`;
  const uidKey = (uid: string) => `${base}uid:${uid}`;
  const userCodeKey = (code: string) => `${base}user-code:${code}`;
  const grantKey = (grantId: string) => `${base}grant:${grantId}`;
  // Shared by every model: the account's set names the record keys themselves (account-tokens.ts).
  const accountKey = (accountId: string) => accountTokensKey(prefix, accountId);

  const find = (id: string) =>
    guard(async () => {
      const stored = await redis.hgetall(recordKey(id));
      if (!stored.payload) return undefined;
      const payload = JSON.parse(stored.payload) as OidcPayload;
      return stored.consumed ? { ...payload, consumed: Number(stored.consumed) } : payload;
    });
  const findThroughIndex = async (indexKey: string) => {
    const id = await guard(() => redis.get(indexKey));
    return id === null ? undefined : find(id);
  };

  return {
    upsert: (id, payload, expiresIn) =>
      guard(async () => {
        const key = recordKey(id);
        const ttl = typeof expiresIn === 'number' ? Math.max(1, Math.ceil(expiresIn)) : undefined;
        const tx = redis.multi().del(key).hset(key, 'payload', JSON.stringify(payload));
        if (ttl) tx.expire(key, ttl);
        const indexes = [payload.uid && uidKey(payload.uid), payload.userCode && userCodeKey(payload.userCode)];
        for (const index of indexes) {
          if (!index) continue;
          if (ttl) tx.set(index, id, 'EX', ttl);
          else tx.set(index, id);
        }
        const sets = [
          payload.grantId && [grantKey(payload.grantId), id],
          accountIdOf(payload) && [accountKey(accountIdOf(payload)!), key],
        ];
        for (const entry of sets) {
          if (!entry) continue;
          const [set, member] = entry;
          tx.sadd(set, member);
          // NX gives a new set its first lifetime, GT lengthens it for a longer-lived member.
          if (ttl) tx.expire(set, ttl, 'NX').expire(set, ttl, 'GT');
          else tx.persist(set);
        }
        await execAll(tx);
      }),
    find,
    findByUid: (uid) => findThroughIndex(uidKey(uid)),
    findByUserCode: (userCode) => findThroughIndex(userCodeKey(userCode)),
    consume: (id) =>
      guard(
        async () => {
          await redis.eval(consumeScript, 1, recordKey(id), Math.floor(Date.now() / 1000));
        },
        { ALREADY_CONSUMED: () => new AlreadyConsumedError(model, id) },
      ),
    destroy: (id) =>
      guard(async () => {
        await redis.del(recordKey(id));
      }),
    revokeByGrantId: (grantId) =>
      guard(async () => {
        await redis.eval(revokeScript, 1, grantKey(grantId), `${base}id:`);
      }),
  };
}
