/**
 * The audit trail: every sign-in and enrolment attempt as a structured log line and a stored
 * event (account or none, client, result, distance, margin, client IP), counted by result for
 * the metrics. Never an image, never a token, never an embedding.
 */
import type { AuditEvent, AuditStore } from '../../adapters/contract.js';
import type { Logger } from 'pino';

export type AuditInput = Omit<AuditEvent, 'at' | 'accountId' | 'clientId' | 'ip' | 'detail'> &
  Partial<Pick<AuditEvent, 'accountId' | 'clientId' | 'ip' | 'detail'>>;

/** Counts attempts by type (signin, enrollment) and result (the metrics). */
export type AttemptCounter = (type: string, result: string) => void;

export class AuditTrail {
  constructor(
    private readonly store: AuditStore,
    private readonly logger: Logger,
    private readonly count: AttemptCounter = () => {},
  ) {}

  async record(input: AuditInput): Promise<void> {
    await this.store.append(this.told(input));
  }

  /**
   * A refusal that repeats without end (a client past its limit): logged and counted each time,
   * stored as one event per `key` and window of `windowSeconds`, with a count, so that however
   * many there are they cannot wipe the trail.
   */
  async fold(key: string, windowSeconds: number, input: AuditInput): Promise<void> {
    await this.store.fold(key, windowSeconds, this.told(input));
  }

  /**
   * An attempt the face engine was too busy to look at (result "busy"): logged and counted, not
   * stored. It judged nobody, and under overload a store write per refusal is load at the worst time.
   */
  busy(input: Omit<AuditInput, 'result'>): void {
    const event = this.event({ ...input, result: 'busy' });
    this.logger.info({ audit: event }, `${event.type} busy`);
    this.count(event.type, 'busy');
  }

  /** The event, once logged and counted. */
  private told(input: AuditInput): AuditEvent {
    const event = this.event(input);
    this.logger.info({ audit: event }, `${event.type} ${event.result}`);
    this.count(event.type, event.result);
    return event;
  }

  private event(input: AuditInput): AuditEvent {
    return { at: Date.now(), accountId: null, clientId: null, ip: null, detail: {}, ...input };
  }
}
