/**
 * How much of the audit trail a backend keeps, the same for every backend: events older than
 * `maxAgeMs` are dropped, and at most `maxEvents` of the newest are kept, so the trail cannot grow
 * without bound however busy the provider is.
 */
export interface AuditRetention {
  maxAgeMs: number;
  maxEvents: number;
}

export const defaultAuditRetention: AuditRetention = {
  maxAgeMs: 90 * 24 * 60 * 60 * 1000,
  maxEvents: 100_000,
};
