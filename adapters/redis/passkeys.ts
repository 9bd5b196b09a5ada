import type { Redis } from 'ioredis';
import type { PasskeyRecord, PasskeyStore } from '../contract.js';
import { AccountNotFoundError } from '../errors.js';
import { guard } from './connection.js';

// KEYS: account hash, passkey hash, the account's passkey set. ARGV: credential id, then the fields.
const addScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('ACCOUNT_NOT_FOUND') end
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 2))
redis.call('SADD', KEYS[3], ARGV[1])
return 1`;

// KEYS: passkey hash. ARGV: counter, at. The counter rule and the write in one script.
const useScript = `
local stored = tonumber(redis.call('HGET', KEYS[1], 'counter'))
local counter = tonumber(ARGV[1])
if stored == nil then return 0 end
if stored < counter or (stored == 0 and counter == 0) then
  redis.call('HSET', KEYS[1], 'counter', ARGV[1], 'lastUsedAt', ARGV[2])
  return 1
end
return 0`;

// KEYS: passkey hash, the account's passkey set. ARGV: account id, credential id.
const removeScript = `
if redis.call('HGET', KEYS[1], 'accountId') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
return 1`;

/**
 * Each passkey is a hash under its credential id, and each account has the set of its credential
 * ids; the account's removal (accounts.ts) deletes both. Adding, using and removing are Lua scripts,
 * so the check and the write are one step for every client of the server: of two uses with one
 * counter, one passes.
 */
export function redisPasskeys(redis: Redis, prefix: string): PasskeyStore {
  const passkeyKey = (credentialId: string) => `${prefix}passkey:${credentialId}`;
  const accountSet = (accountId: string) => `${prefix}passkeys:account:${accountId}`;
  const read = (fields: Record<string, string>): PasskeyRecord | undefined =>
    fields.accountId === undefined
      ? undefined
      : {
          credentialId: fields.credentialId!,
          accountId: fields.accountId,
          publicKey: new Uint8Array(Buffer.from(fields.publicKey!, 'base64url')),
          counter: Number(fields.counter),
          transports: JSON.parse(fields.transports!) as string[],
          createdAt: Number(fields.createdAt),
          ...(fields.lastUsedAt ? { lastUsedAt: Number(fields.lastUsedAt) } : {}),
        };
  const get = async (credentialId: string) => read(await redis.hgetall(passkeyKey(credentialId)));

  return {
    add: (passkey) =>
      guard(
        async () => {
          const fields = {
            credentialId: passkey.credentialId,
            accountId: passkey.accountId,
            publicKey: Buffer.from(passkey.publicKey).toString('base64url'),
            counter: String(passkey.counter),
            transports: JSON.stringify(passkey.transports),
            createdAt: String(passkey.createdAt),
            ...(passkey.lastUsedAt === undefined ? {} : { lastUsedAt: String(passkey.lastUsedAt) }),
          };
          const added = await redis.eval(
            addScript,
            3,
            `${prefix}account:${passkey.accountId}`,
            passkeyKey(passkey.credentialId),
            accountSet(passkey.accountId),
            passkey.credentialId,
            ...Object.entries(fields).flat(),
          );
          return added === 1;
        },
        { ACCOUNT_NOT_FOUND: () => new AccountNotFoundError(passkey.accountId) },
      ),
    get: (credentialId) => guard(() => get(credentialId)),
    listForAccount: (accountId) =>
      guard(async () => {
        const ids = await redis.smembers(accountSet(accountId));
        const passkeys = (await Promise.all(ids.map(get))).filter((passkey) => passkey !== undefined);
        return passkeys.sort((a, b) => a.createdAt - b.createdAt || a.credentialId.localeCompare(b.credentialId));
      }),
    remove: (accountId, credentialId) =>
      guard(
        async () =>
          (await redis.eval(
            removeScript,
            2,
            passkeyKey(credentialId),
            accountSet(accountId),
            accountId,
            credentialId,
          )) === 1,
      ),
    use: (credentialId, counter, at) =>
      guard(async () => (await redis.eval(useScript, 1, passkeyKey(credentialId), counter, at)) === 1),
  };
}
