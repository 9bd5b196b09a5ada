/**
 * Attempt limits, on the store's sliding windows so every instance sees the same counts:
 * - per interaction: at most N failed recognitions, then the sign-in ends with access_denied; and
 *   per enrolment link: at most N refused tries, then the link is spent;
 * - per client network (clientNetwork: an IPv4 address, an IPv6 /64): at most N refused attempts
 *   of any kind a window, which also bounds the compute one client can ask for;
 * - per (claimed account, client network): after a few failed 1:1 recognitions, a wait that doubles
 *   with each failure (failure-delays.ts), so one account cannot be tried without end, while the
 *   account's owner, on another network, is not slowed down at all: no lockout for anyone to cause;
 * - per claimed account, across networks: many failures an hour raise an alarm (the caller audits
 *   it), nothing more.
 * Only recognitions count per interaction and account: a camera that shows no face wastes nobody's
 * chances. Time comes from `now`, so tests can move it.
 */
import type { AttemptStore, InvitationRecord } from '../../adapters/contract.js';
import type { FaceConfig } from '../config/types.js';
import { clientNetwork } from './client-network.js';
import { failureDelaySeconds } from './failure-delays.js';

export type Limits = FaceConfig['attempts'];

/** A closed gate names its window (`key`, `windowSeconds`): the refusals it causes are folded per window in the audit. */
export type Gate =
  | { kind: 'open' }
  | { kind: 'closed'; scope: 'ip' | 'account'; key: string; windowSeconds: number; retryAfterSeconds: number };

export interface FailedRecognition {
  /** Failed recognitions this interaction may still have. */
  attemptsLeft: number;
  /** The claimed account's failures from every network within the alarm window, when this one just crossed its threshold. */
  alarm?: number;
}

export class AttemptLimits {
  constructor(
    private readonly store: AttemptStore,
    private readonly limits: Limits,
    private readonly interactionSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Before any work: may this client try now, on the account it claims? */
  async gate(ip: string, claimedAccount?: string): Promise<Gate> {
    const now = this.now();
    const { max, windowSeconds } = this.limits.perIp;
    const ipWindow = this.ipKey(ip);
    if ((await this.store.count(ipWindow, windowSeconds, now)) >= max) {
      const frees = (await this.store.oldestExpiry(ipWindow, windowSeconds, now)) ?? now;
      return { kind: 'closed', scope: 'ip', key: ipWindow, windowSeconds, retryAfterSeconds: seconds(frees - now) };
    }
    if (claimedAccount) {
      const { forgetAfterSeconds, maxDelaySeconds } = this.limits.accountDelays;
      const pair = this.pairKey(claimedAccount, ip);
      const failures = await this.store.count(pair, forgetAfterSeconds, now);
      const delay = failureDelaySeconds(failures, this.limits.accountDelays);
      const last = delay > 0 ? await this.store.newest(pair, forgetAfterSeconds, now) : undefined;
      if (last !== undefined && last + delay * 1000 > now) {
        return {
          kind: 'closed',
          scope: 'account',
          key: pair,
          windowSeconds: maxDelaySeconds,
          retryAfterSeconds: seconds(last + delay * 1000 - now),
        };
      }
    }
    return { kind: 'open' };
  }

  /** Failed recognitions this interaction may still have. */
  attemptsLeft(interaction: string): Promise<number> {
    return this.left(`interaction:${interaction}`, this.interactionSeconds);
  }

  /** Spends one of this interaction's attempts (a failure, or a liveness challenge issued); returns those left. */
  spendAttempt(interaction: string): Promise<number> {
    return this.spend(`interaction:${interaction}`, this.interactionSeconds);
  }

  /** Tries an enrolment link has left: perInteraction over its whole life, as a sign-in has. */
  linkAttemptsLeft(link: EnrollmentLink): Promise<number> {
    return this.left(`link:${link.tokenHash}`, lifetimeSeconds(link));
  }

  /** Spends one of an enrolment link's tries (a refused enrolment, or a challenge issued); returns those left. */
  spendLinkAttempt(link: EnrollmentLink): Promise<number> {
    return this.spend(`link:${link.tokenHash}`, lifetimeSeconds(link));
  }

  /** A refused attempt of any kind from this client. */
  async refused(ip: string): Promise<void> {
    await this.store.record(this.ipKey(ip), this.limits.perIp.windowSeconds, this.now());
  }

  /**
   * A failed recognition: counts for the client, for the claimed account from this client's
   * network and across networks, and for the interaction unless `attemptPaid` (its liveness
   * challenge already spent the attempt).
   */
  async failedRecognition(
    ip: string,
    interaction: string,
    claimedAccount?: string,
    { attemptPaid = false } = {},
  ): Promise<FailedRecognition> {
    const now = this.now();
    const { accountDelays, accountAlarm } = this.limits;
    const [, attemptsLeft, , accountFailures] = await Promise.all([
      this.refused(ip),
      attemptPaid ? this.attemptsLeft(interaction) : this.spendAttempt(interaction),
      claimedAccount && this.store.record(this.pairKey(claimedAccount, ip), accountDelays.forgetAfterSeconds, now),
      claimedAccount && this.store.record(`account:${claimedAccount}`, accountAlarm.windowSeconds, now),
    ]);
    return accountFailures === accountAlarm.failures + 1 ? { attemptsLeft, alarm: accountFailures } : { attemptsLeft };
  }

  /** A sign-in of `account` from this client's network: its failures from there are forgotten. */
  async succeeded(ip: string, account: string): Promise<void> {
    await this.store.clear(this.pairKey(account, ip));
  }

  private async left(key: string, windowSeconds: number): Promise<number> {
    return Math.max(0, this.limits.perInteraction - (await this.store.count(key, windowSeconds, this.now())));
  }

  private async spend(key: string, windowSeconds: number): Promise<number> {
    return Math.max(0, this.limits.perInteraction - (await this.store.record(key, windowSeconds, this.now())));
  }

  /** The per-IP window's key: the client's network (an IPv6 client's prefix), not its exact address. */
  private ipKey(ip: string): string {
    return `ip:${clientNetwork(ip, this.limits.ipv6PrefixLength)}`;
  }

  /** The network first: it cannot hold a `|`, so no account name, however odd, makes another pair's key. */
  private pairKey(account: string, ip: string): string {
    return `delay:${clientNetwork(ip, this.limits.ipv6PrefixLength)}|${account}`;
  }
}

/** What the link's tries are counted by: its token's hash, over its lifetime. */
type EnrollmentLink = Pick<InvitationRecord, 'tokenHash' | 'createdAt' | 'expiresAt'>;

function lifetimeSeconds(link: EnrollmentLink): number {
  return Math.max(1, Math.ceil((link.expiresAt - link.createdAt) / 1000));
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
