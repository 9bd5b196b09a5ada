/**
 * The stages of one route, for its Server-Timing header: how long each named stage took, in
 * milliseconds. The server adds the request's queue, inference, store and total times after them
 * (src/server/server-timing.ts). Durations only: never an account, a client or anything about the image.
 */
export class StageTiming {
  private last = performance.now();
  private readonly stages: string[] = [];

  /** Ends the stage that began at the previous mark (or at the start). */
  mark(name: string): void {
    const now = performance.now();
    this.stages.push(`${name};dur=${(now - this.last).toFixed(1)}`);
    this.last = now;
  }

  header(): string {
    return this.stages.join(', ');
  }
}
