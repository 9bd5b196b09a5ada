/**
 * Registration grants: what lets the enrolment page add a passkey right after the face is
 * enrolled, when the spent link leaves no session. A grant is 256 random bits given to that page
 * only, bound to the account, good for one registration within 10 minutes; the store keeps only
 * its sha256, as it does for invitations, so a copy of the database holds no working grant.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../../adapters/contract.js';
import { hashToken } from '../access/invitations.js';
import { FacegateError } from '../errors.js';
import { say } from '../sentences.js';
import { OneTimeRecords } from './one-time-records.js';

export const REGISTRATION_GRANT_SECONDS = 600;

export interface RegistrationGrant {
  /** sha256 of the grant: the subject its ceremony's challenge is kept under. */
  hash: string;
  accountId: string;
}

/** The grant is unknown, expired, spent, or of no use here (410: the page cannot get it back). */
export function grantInvalid(): FacegateError {
  return new FacegateError('passkey_grant_invalid', say('passkey.grant_invalid'), { status: 410 });
}

export class RegistrationGrants {
  private readonly records: OneTimeRecords<{ accountId: string; expiresAt: number }>;

  /** `now`: the time grants expire by (tests move it); the store drops them after their lifetime anyway. */
  constructor(
    store: Store,
    private readonly now: () => number = Date.now,
  ) {
    this.records = new OneTimeRecords(store, 'PasskeyRegistrationGrant');
  }

  /** A new grant for `accountId`: the token to give the page. */
  async issue(accountId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + REGISTRATION_GRANT_SECONDS * 1000;
    await this.records.put(hashToken(token), { accountId, expiresAt }, REGISTRATION_GRANT_SECONDS);
    return token;
  }

  /** The grant, while it is good; does not spend it. Throws passkey_grant_invalid otherwise. */
  async find(token: unknown): Promise<RegistrationGrant> {
    const hash = hashOf(token);
    const grant = hash === undefined ? undefined : await this.records.peek(hash);
    if (!grant || grant.expiresAt <= this.now()) throw grantInvalid();
    return { hash: hash!, accountId: grant.accountId };
  }

  /** Spends the grant, atomically (of two tabs, one gets it); throws passkey_grant_invalid when it is not good. */
  async spend(token: unknown): Promise<RegistrationGrant> {
    const hash = hashOf(token);
    const grant = hash === undefined ? undefined : await this.records.take(hash);
    if (!grant || grant.expiresAt <= this.now()) throw grantInvalid();
    return { hash: hash!, accountId: grant.accountId };
  }
}

function hashOf(token: unknown): string | undefined {
  return typeof token === 'string' && token.length > 0 && token.length <= 128 ? hashToken(token) : undefined;
}
