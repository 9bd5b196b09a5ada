/**
 * Attempt limits, on the store's sliding windows so every instance sees the same counts:
 * - per interaction: at most N failed recognitions, then the sign-in ends with access_denied;
 * - per claimed account (1:1): at most N failed recognitions a window, so one account cannot be
 *   tried without end from many interactions;
 * - per client IP: at most N refused attempts of any kind a window, which also bounds the compute
 *   one client can ask for.
 * Only recognitions count per interaction and account: a camera that shows no face wastes nobody's
 * chances.
 */
import type { AttemptStore } from '../../adapters/contract.js';
import type { FaceConfig } from '../config/types.js';
import { clientNetwork } from './client-network.js';

export type Limits = FaceConfig['attempts'];

/** A closed gate names its window (`key`, `windowSeconds`): the refusals it causes are folded per window in the audit. */
export type Gate = { open: true } | { open: false; scope: 'ip' | 'account'; key: string; windowSeconds: number; retryAfterSeconds: number };

export class AttemptLimits {
  constructor(private readonly store: AttemptStore, private readonly limits: Limits, private readonly interactionSeconds: number) {}

  /** Before any work: is this client, and the account it claims, still allowed to try? */
  async gate(ip: string, claimedAccount?: string): Promise<Gate> {
    const windows: ['ip' | 'account', string, { max: number; windowSeconds: number }][] = [['ip', ipKey(ip), this.limits.perIp]];
    if (claimedAccount) windows.push(['account', `account:${claimedAccount}`, this.limits.perAccount]);
    for (const [scope, key, { max, windowSeconds }] of windows) {
      if (await this.store.count(key, windowSeconds) >= max) {
        const frees = await this.store.oldestExpiry(key, windowSeconds);
        return { open: false, scope, key, windowSeconds, retryAfterSeconds: Math.max(1, Math.ceil(((frees ?? Date.now()) - Date.now()) / 1000)) };
      }
    }
    return { open: true };
  }

  /** Failed recognitions this interaction may still have. */
  async attemptsLeft(interaction: string): Promise<number> {
    return Math.max(0, this.limits.perInteraction - await this.store.count(`interaction:${interaction}`, this.interactionSeconds));
  }

  /** A refused attempt of any kind from this client. */
  async refused(ip: string): Promise<void> {
    await this.store.record(ipKey(ip), this.limits.perIp.windowSeconds);
  }

  /** A failed recognition: counts for the client, the interaction and the claimed account. Returns attempts left here. */
  async failedRecognition(ip: string, interaction: string, claimedAccount?: string): Promise<number> {
    const [, used] = await Promise.all([
      this.refused(ip),
      this.store.record(`interaction:${interaction}`, this.interactionSeconds),
      claimedAccount ? this.store.record(`account:${claimedAccount}`, this.limits.perAccount.windowSeconds) : undefined,
    ]);
    return Math.max(0, this.limits.perInteraction - used);
  }
}

/** The per-IP window's key: the client's network (an IPv6 client's /64), not its exact address. */
function ipKey(ip: string): string {
  return `ip:${clientNetwork(ip)}`;
}
