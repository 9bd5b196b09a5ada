/**
 * Watches a facegate server through its /metrics while a phase runs: CPU seconds, resident
 * memory, the face queue and busy workers, a sample every half second.
 */
import { byLabel, sample } from '../../test/support/prometheus-text.js';

export interface Sample {
  at: number;
  cpuSeconds: number;
  rssBytes: number;
  queued: number;
  busyWorkers: number;
}

export interface ServerFigures {
  /** CPU time over wall time, in cores (1 = one core fully used). */
  cpuCores: number;
  rssMb: { start: number; peak: number; end: number };
  queueDepthMax: number;
  busyWorkersMax: number;
  samples: number;
}

export async function scrape(origin: string): Promise<string> {
  const response = await fetch(`${origin}/metrics`);
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}

export function signInResults(text: string): Record<string, number> {
  return byLabel(text, 'facegate_signin_attempts_total');
}

export class ServerSampler {
  private readonly samples: Sample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly origin: string,
    intervalMs = 500,
  ) {
    void this.take();
    this.timer = setInterval(() => void this.take(), intervalMs);
  }

  async stop(): Promise<ServerFigures> {
    clearInterval(this.timer);
    await this.take();
    const first = this.samples[0];
    const last = this.samples.at(-1);
    const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
    return {
      cpuCores:
        first && last && last.at > first.at
          ? (last.cpuSeconds - first.cpuSeconds) / ((last.at - first.at) / 1000)
          : NaN,
      rssMb: {
        start: mb(first?.rssBytes ?? NaN),
        peak: mb(Math.max(...this.samples.map((s) => s.rssBytes))),
        end: mb(last?.rssBytes ?? NaN),
      },
      queueDepthMax: Math.max(0, ...this.samples.map((s) => s.queued)),
      busyWorkersMax: Math.max(0, ...this.samples.map((s) => s.busyWorkers)),
      samples: this.samples.length,
    };
  }

  private async take(): Promise<void> {
    try {
      const text = await scrape(this.origin);
      this.samples.push({
        at: performance.now(),
        cpuSeconds: sample(text, 'process_cpu_seconds_total'),
        rssBytes: sample(text, 'process_resident_memory_bytes'),
        queued: sample(text, 'facegate_face_queue_depth'),
        busyWorkers: sample(text, 'facegate_face_workers_busy'),
      });
    } catch {
      // The server is down (the crash phase): no sample.
    }
  }
}
