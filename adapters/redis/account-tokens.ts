import type { Redis } from 'ioredis';
import type { AccountTokenStore } from '../contract.js';
import { guard } from './connection.js';
import { deleteMembersScript } from './delete-members.js';

/** The set, per account, of the keys of oidc-provider's records that name it (the adapter fills it). */
export function accountTokensKey(prefix: string, accountId: string): string {
  return `${prefix}oidc-account:${accountId}`;
}

export function redisAccountTokens(redis: Redis, prefix: string): AccountTokenStore {
  // A grant's or a session's index keys left behind point at nothing, which reads as no record.
  return {
    revokeAll: (accountId) =>
      guard(async () => Number(await redis.eval(deleteMembersScript, 1, accountTokensKey(prefix, accountId)))),
  };
}
