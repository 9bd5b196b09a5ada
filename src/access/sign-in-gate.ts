/**
 * The rate-limit gate of a sign-in attempt, face or passkey: when the client (or the account it
 * names, from its network) may not try now, the refusal is folded in the audit, one event per
 * window, and thrown as too_many_attempts.
 */
import type { AttemptLimits } from './attempt-limits.js';
import type { AuditTrail } from './audit-trail.js';
import { tooManyAttempts } from './refusal.js';

export interface GateCaller {
  ip: string;
  clientId: string;
  /** The account the attempt names (claimed, or recognised by the face step), if any. */
  account?: string;
}

export async function passSignInGate(
  limits: AttemptLimits,
  audit: AuditTrail,
  caller: GateCaller,
  detail: Record<string, string | number | boolean | null>,
): Promise<void> {
  const gate = await limits.gate(caller.ip, caller.account);
  if (gate.kind === 'open') return;
  await audit.fold(gate.key, gate.windowSeconds, {
    type: 'signin',
    clientId: caller.clientId,
    ip: caller.ip,
    result: 'rate_limited',
    accountId: caller.account ?? null,
    detail: { ...detail, scope: gate.scope },
  });
  throw tooManyAttempts(gate.retryAfterSeconds);
}
