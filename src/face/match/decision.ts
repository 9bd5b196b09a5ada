/**
 * The accept / refuse rule. 1:N accepts the nearest account only when it is within the threshold
 * and the next account is farther by at least the margin: a probe between two people is nobody.
 * 1:1 accepts the claimed account when it is within the (1:1) threshold. Distances and margin are
 * returned either way, for the audit log.
 */
import type { Candidate } from './gallery.js';

export interface DecisionPolicy {
  threshold: number;
  margin: number;
}

export type RefusalReason = 'no_templates' | 'not_recognised' | 'ambiguous';

export type Decision =
  | { accepted: true; accountId: string; distance: number; margin: number | null }
  | { accepted: false; reason: RefusalReason; nearest: string | null; distance: number | null; margin: number | null };

export function decideIdentification(candidates: readonly Candidate[], policy: DecisionPolicy): Decision {
  const [first, second] = candidates;
  if (!first) return { accepted: false, reason: 'no_templates', nearest: null, distance: null, margin: null };
  const margin = second ? second.distance - first.distance : null;
  if (first.distance > policy.threshold) {
    return { accepted: false, reason: 'not_recognised', nearest: first.accountId, distance: first.distance, margin };
  }
  if (margin !== null && margin < policy.margin) {
    return { accepted: false, reason: 'ambiguous', nearest: first.accountId, distance: first.distance, margin };
  }
  return { accepted: true, accountId: first.accountId, distance: first.distance, margin };
}

export function decideVerification(accountId: string, distance: number | undefined, policy: DecisionPolicy): Decision {
  if (distance === undefined) return { accepted: false, reason: 'no_templates', nearest: null, distance: null, margin: null };
  return distance <= policy.threshold
    ? { accepted: true, accountId, distance, margin: null }
    : { accepted: false, reason: 'not_recognised', nearest: accountId, distance, margin: null };
}
