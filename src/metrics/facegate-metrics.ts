/**
 * What one facegate server counts, in a registry of its own (two servers in one process never mix
 * their counts): attempts by result, inference time per image, the face queue, store outages.
 * Served with the process's metrics (process-metrics.ts) at GET /metrics (endpoint.ts).
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '../face/pool.js';
import { processMetrics } from './process-metrics.js';

/** Where a store outage was met: oidc-provider's endpoints, or our pages (sign-in, enrolment). */
export type StoreErrorSource = 'oidc' | 'pages';

export class FacegateMetrics {
  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
  private readonly registry = new Registry();
  private engineStats: () => PoolStats | undefined = () => undefined;

  private readonly signIns = new Counter({
    name: 'facegate_signin_attempts_total',
    help: "Face sign-in attempts, by result (the audit trail's: accepted, not_recognised, not_live, no_face, ..., rate_limited; and busy, not stored).",
    labelNames: ['result'],
    registers: [this.registry],
  });

  private readonly enrollments = new Counter({
    name: 'facegate_enrollments_total',
    help: 'Face enrolment attempts, by result (enrolled, or why not; busy).',
    labelNames: ['result'],
    registers: [this.registry],
  });

  private readonly alarms = new Counter({
    name: 'facegate_account_alarms_total',
    help: 'Accounts that had more failed 1:1 recognitions than face.attempts.accountAlarm allows, from any networks (each also an audit record: alarm account_under_attack).',
    registers: [this.registry],
  });

  private readonly inference = new Histogram({
    name: 'facegate_inference_seconds',
    help: 'Face engine time per image (decode, detect, align, embed), from handing it to a worker to its answer; queue wait excluded.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56],
    registers: [this.registry],
  });

  private readonly storeErrors = new Counter({
    name: 'facegate_store_errors_total',
    help: 'Requests that failed because the store was unavailable (answered 503), by where it was met.',
    labelNames: ['source'],
    registers: [this.registry],
  });

  constructor() {
    // Gauges read the engine when scraped: nothing to keep in step between scrapes.
    const current = () => this.engineStats();
    const gauge = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const stats = current();
          if (stats) this.set(read(stats));
        },
      });
    gauge('facegate_face_queue_depth', 'Images waiting for a face worker now.', (s) => s.queued);
    gauge(
      'facegate_face_queue_capacity',
      'Images allowed to wait (face.queueLength); past it, attempts are refused as busy.',
      (s) => s.queueLength,
    );
    gauge('facegate_face_workers_busy', 'Face workers analysing an image now.', (s) => s.busy);
    gauge('facegate_face_workers', 'Face workers running.', (s) => s.workers);
  }

  /** The face engine whose queue the gauges show. */
  watchEngine(stats: () => PoolStats): void {
    this.engineStats = stats;
  }

  /** One audit event: attempts by type and result, alarms. */
  attempt(type: string, result: string): void {
    if (type === 'signin') this.signIns.inc({ result });
    else if (type === 'enrollment') this.enrollments.inc({ result });
    else if (type === 'alarm') this.alarms.inc();
  }

  inferred(operation: string, seconds: number): void {
    this.inference.observe({ operation }, seconds);
  }

  storeError(source: StoreErrorSource): void {
    this.storeErrors.inc({ source });
  }

  /** The Prometheus text: the process's metrics, then this server's. */
  async text(): Promise<string> {
    return `${await processMetrics().metrics()}\n${await this.registry.metrics()}`;
  }
}
