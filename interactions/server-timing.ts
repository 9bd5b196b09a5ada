/**
 * A Server-Timing header for one request: how long each named stage took and the total, in
 * milliseconds. Durations only: never an account, a client or anything about the image.
 */
export class ServerTiming {
  private readonly start = performance.now();
  private last = this.start;
  private readonly stages: string[] = [];

  /** Ends the stage that began at the previous mark (or at the start). */
  mark(name: string): void {
    const now = performance.now();
    this.stages.push(`${name};dur=${(now - this.last).toFixed(1)}`);
    this.last = now;
  }

  header(): string {
    return [...this.stages, `total;dur=${(performance.now() - this.start).toFixed(1)}`].join(', ');
  }
}
