/**
 * The accept / refuse rule. 1:N accepts the nearest account only when it is within the threshold
 * and the next account is farther by at least the margin: a probe between two people is nobody.
 * 1:1 accepts the claimed account when it is within the (1:1) threshold. Distances and margin are
 * returned either way, for the audit log.
 *
 * Over a gallery whose accounts are under two embedders (see gallery.ts), each candidate carries
 * its own model's threshold and margin, and distances of two models are in different units. They
 * are compared as shares of their own threshold (1 is the threshold): the nearest is the smallest
 * share, and the next must be farther by the larger of the two margins, as a share of its
 * threshold. Under one model this is exactly the plain rule.
 */
import type { Candidate } from './gallery.js';

export interface DecisionPolicy {
  threshold: number;
  margin: number;
}

/** A 1:N candidate with the rule of the model it was compared under. */
export type RuledCandidate = Candidate & DecisionPolicy;

export type RefusalReason = 'no_templates' | 'not_recognised' | 'ambiguous';

export type Decision =
  | { kind: 'accepted'; accountId: string; model: string; distance: number; margin: number | null }
  | {
      kind: 'refused';
      reason: RefusalReason;
      nearest: string | null;
      model: string | null;
      distance: number | null;
      margin: number | null;
    };

/** A distance as a share of its threshold: at most 1 is within it. */
function share(c: RuledCandidate): number {
  if (c.threshold > 0) return c.distance / c.threshold;
  return c.distance > 0 ? Infinity : 0;
}

function marginShare(c: RuledCandidate): number {
  return c.threshold > 0 ? c.margin / c.threshold : 0;
}

export function decideIdentification(candidates: readonly RuledCandidate[]): Decision {
  const [first, second] = [...candidates].sort((p, q) => share(p) - share(q));
  if (!first)
    return { kind: 'refused', reason: 'no_templates', nearest: null, model: null, distance: null, margin: null };
  const gap = second ? share(second) - share(first) : null;
  // Reported in the nearest account's units: under one model, the plain difference of distances.
  const margin = gap !== null && Number.isFinite(gap) ? gap * first.threshold : null;
  const refused = (reason: RefusalReason): Decision => ({
    kind: 'refused',
    reason,
    nearest: first.accountId,
    model: first.model,
    distance: first.distance,
    margin,
  });
  if (first.distance > first.threshold) return refused('not_recognised');
  if (second && gap! < Math.max(marginShare(first), marginShare(second))) return refused('ambiguous');
  return { kind: 'accepted', accountId: first.accountId, model: first.model, distance: first.distance, margin };
}

export function decideVerification(
  accountId: string,
  match: { model: string; distance: number } | undefined,
  policy: DecisionPolicy,
): Decision {
  if (match === undefined)
    return { kind: 'refused', reason: 'no_templates', nearest: null, model: null, distance: null, margin: null };
  const { model, distance } = match;
  return distance <= policy.threshold
    ? { kind: 'accepted', accountId, model, distance, margin: null }
    : { kind: 'refused', reason: 'not_recognised', nearest: accountId, model, distance, margin: null };
}
