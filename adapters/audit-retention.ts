/**
 * How much of the audit trail a backend keeps, the same for every backend. The trail is kept on
 * two shelves, each with this retention of its own: events older than `maxAgeMs` are dropped, and
 * at most `maxEvents` of the newest are kept, so neither shelf grows without bound however busy
 * the provider is, and no number of refusals pushes a record of who got in off the trail.
 */
import type { AuditEvent } from './contract.js';

export interface AuditRetention {
  maxAgeMs: number;
  maxEvents: number;
}

export const defaultAuditRetention: AuditRetention = {
  maxAgeMs: 90 * 24 * 60 * 60 * 1000,
  maxEvents: 100_000,
};

/**
 * - `records`: what happened to accounts and who got in: accepted sign-ins, enrolments, account
 *   and template changes, alarms.
 * - `refusals`: attempts that were turned away (anyone can make those, as many as the limits let them).
 */
export type AuditShelf = 'records' | 'refusals';

export const AUDIT_SHELVES: readonly AuditShelf[] = ['records', 'refusals'];

/** Attempts (sign-in, enrolment) that did not succeed are refusals; everything else is a record. */
export function shelfOf(event: Pick<AuditEvent, 'type' | 'result'>): AuditShelf {
  const attempt = event.type === 'signin' || event.type === 'enrollment' || event.type === 'passkey';
  const done = event.result === 'accepted' || event.result === 'enrolled' || event.result === 'registered';
  return attempt && !done ? 'refusals' : 'records';
}
