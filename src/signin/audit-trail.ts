/**
 * The audit trail: every sign-in and enrolment attempt as a structured log line and a stored
 * event (account or none, client, result, distance, margin, client IP). Never an image, never a
 * token, never an embedding.
 */
import type { AuditEvent, AuditStore } from '../../adapters/contract.js';
import type { Logger } from '../server/logger.js';

export type AuditInput = Omit<AuditEvent, 'at' | 'accountId' | 'clientId' | 'ip' | 'detail'> & Partial<Pick<AuditEvent, 'accountId' | 'clientId' | 'ip' | 'detail'>>;

export class AuditTrail {
  constructor(private readonly store: AuditStore, private readonly logger: Logger) {}

  async record(input: AuditInput): Promise<void> {
    const event: AuditEvent = { at: Date.now(), accountId: null, clientId: null, ip: null, detail: {}, ...input };
    this.logger.info({ audit: event }, `${event.type} ${event.result}`);
    await this.store.append(event);
  }
}
