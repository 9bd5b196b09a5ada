import type { Redis } from 'ioredis';
import type { InvitationRecord, InvitationStore } from '../contract.js';
import { guard } from './connection.js';

/**
 * Each invitation is one JSON string under its token's hash, expiring at its `expiresAt` (PXAT),
 * so Redis removes it by itself. GETDEL reads and removes it in one command: of concurrent
 * consumers, on one instance or several, exactly one gets it. `expiresAt` is checked on every read
 * too, so the provider's clock decides, as it does for the SQLite backend.
 */
export function redisInvitations(redis: Redis, prefix: string): InvitationStore {
  const invitationKey = (tokenHash: string) => `${prefix}invitation:${tokenHash}`;
  const live = (stored: string | null): InvitationRecord | undefined => {
    if (stored === null) return undefined;
    const invitation = JSON.parse(stored) as InvitationRecord;
    return invitation.expiresAt > Date.now() ? invitation : undefined;
  };

  return {
    create: (invitation) =>
      guard(async () => {
        // An expiry already past makes Redis drop the key at once: an expired invitation is never kept.
        await redis.set(
          invitationKey(invitation.tokenHash),
          JSON.stringify(invitation),
          'PXAT',
          Math.ceil(invitation.expiresAt),
        );
      }),
    find: (tokenHash) => guard(async () => live(await redis.get(invitationKey(tokenHash)))),
    consume: (tokenHash) => guard(async () => live(await redis.getdel(invitationKey(tokenHash)))),
  };
}
