/**
 * One-time enrolment links. The token is 256 random bits in the URL; the store keeps only its
 * sha256, so a copy of the database cannot be turned into working links.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AccountInput, InvitationRecord, InvitationStore } from '../../adapters/contract.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The name an invitation goes by in the audit trail and in what `facegate invite` prints: the
 * start of its token's hash, which says nothing of the token itself.
 */
export function invitationId(tokenHash: string): string {
  return tokenHash.slice(0, 16);
}

export interface NewInvitation {
  accountId: string;
  profile?: Omit<AccountInput, 'id'>;
  replace?: boolean;
  ttlSeconds: number;
}

export async function createInvitation(
  store: InvitationStore,
  issuer: string,
  invitation: NewInvitation,
): Promise<{ link: string; expiresAt: number; id: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const record: InvitationRecord = {
    tokenHash: hashToken(token),
    accountId: invitation.accountId,
    profile: invitation.profile ?? {},
    replace: invitation.replace ?? false,
    createdAt: now,
    expiresAt: now + invitation.ttlSeconds * 1000,
  };
  await store.create(record);
  return { link: `${issuer}/enroll/${token}`, expiresAt: record.expiresAt, id: invitationId(record.tokenHash) };
}

/** "90s", "15m", "1h", "2d" or plain seconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
