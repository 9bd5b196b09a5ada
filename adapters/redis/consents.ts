import type { Redis } from 'ioredis';
import type { ConsentRecord, ConsentStore } from '../contract.js';
import { consentFromColumns } from '../consent-record.js';
import { AccountNotFoundError } from '../errors.js';
import { guard } from './connection.js';

// KEYS: account hash, the account's consent list. ARGV: the consent as JSON.
// One script, so a consent is never added to an account being removed.
const recordScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('ACCOUNT_NOT_FOUND') end
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1`;

/** Each account's consents are one list of JSON records, in order of recording; the account's removal deletes it. */
export function redisConsents(redis: Redis, prefix: string): ConsentStore {
  const list = (accountId: string) =>
    guard(async () => {
      const stored = await redis.lrange(`${prefix}consents:${accountId}`, 0, -1);
      // A stable sort: of equal times, the order of recording stays.
      return stored
        .map((item) => {
          const c = JSON.parse(item) as ConsentRecord;
          return consentFromColumns(c.accountId, c.version, c.at, c.method, c.invitationHash, c.recordedBy);
        })
        .sort((a, b) => a.at - b.at);
    });

  return {
    record: (consent) =>
      guard(
        async () => {
          await redis.eval(
            recordScript,
            2,
            `${prefix}account:${consent.accountId}`,
            `${prefix}consents:${consent.accountId}`,
            JSON.stringify(consent),
          );
        },
        { ACCOUNT_NOT_FOUND: () => new AccountNotFoundError(consent.accountId) },
      ),
    latest: async (accountId) => (await list(accountId)).at(-1),
    list,
  };
}
