import type { Redis } from 'ioredis';
import type { InvitationRecord, InvitationStore } from '../contract.js';
import { execAll, guard } from './connection.js';
import { deleteMembersScript } from './delete-members.js';

/**
 * Each invitation is one JSON string under its token's hash, expiring at its `expiresAt` (PXAT),
 * so Redis removes it by itself. GETDEL reads and removes it in one command: of concurrent
 * consumers, on one instance or several, exactly one gets it. `expiresAt` is checked on every read
 * too, so the provider's clock decides, as it does for the SQLite backend.
 */
export function redisInvitations(redis: Redis, prefix: string): InvitationStore {
  const invitationKey = (tokenHash: string) => `${prefix}invitation:${tokenHash}`;
  // The keys of an account's invitations, as long as its longest-lived one.
  const accountKey = (accountId: string) => `${prefix}invitations:account:${accountId}`;
  const live = (stored: string | null): InvitationRecord | undefined => {
    if (stored === null) return undefined;
    const invitation = JSON.parse(stored) as InvitationRecord;
    return invitation.expiresAt > Date.now() ? invitation : undefined;
  };

  return {
    create: (invitation) =>
      guard(async () => {
        // An expiry already past makes Redis drop the key at once: an expired invitation is never kept.
        const key = invitationKey(invitation.tokenHash);
        const account = accountKey(invitation.accountId);
        const expiresAt = Math.ceil(invitation.expiresAt);
        await execAll(
          redis
            .multi()
            .set(key, JSON.stringify(invitation), 'PXAT', expiresAt)
            .sadd(account, key)
            .pexpireat(account, expiresAt, 'NX')
            .pexpireat(account, expiresAt, 'GT'),
        );
      }),
    find: (tokenHash) => guard(async () => live(await redis.get(invitationKey(tokenHash)))),
    consume: (tokenHash) => guard(async () => live(await redis.getdel(invitationKey(tokenHash)))),
    removeForAccount: (accountId) =>
      guard(async () => Number(await redis.eval(deleteMembersScript, 1, accountKey(accountId)))),
  };
}
