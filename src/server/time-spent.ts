/**
 * Where one request's time went on the server, for its Server-Timing header: waiting for a face
 * worker, the face models, the store, and the whole. The parts are measured as spans of wall-clock
 * time and merged, because a burst's frames run on several workers at once and a page awaits
 * several store calls together: summing them would report more time than passed.
 */
export type Span = 'engine' | 'inference' | 'store';

export class TimeSpent {
  private readonly started = performance.now();
  /** Made by the first span: most requests (discovery, JWKS, static files) have none. */
  private spans: Record<Span, [number, number][]> | undefined;

  /** `start` and `end` are performance.now() readings. */
  add(span: Span, start: number, end: number): void {
    (this.spans ??= { engine: [], inference: [], store: [] })[span].push([start, end]);
  }

  /**
   * queue: time when some of the request's images were waiting for a face worker and none was
   * being analysed; inference: time when at least one was being analysed; store: time when at
   * least one store call was under way; total: from the request's arrival to this call.
   */
  serverTiming(): string {
    const total = this.elapsed().toFixed(1);
    if (!this.spans) return `${NOTHING_SPENT}${total}`;
    const { engine, inference, store } = this.spans;
    const waitingOrAnalysed = covered(engine);
    const analysed = covered(inference);
    const queue = waitingOrAnalysed - analysed;
    return `${timingUpToTotal(queue.toFixed(1), analysed.toFixed(1), covered(store).toFixed(1))}${total}`;
  }

  /** Milliseconds since the request arrived. */
  elapsed(): number {
    return performance.now() - this.started;
  }
}

/** The header's words, up to the total's duration, which comes last. */
const timingUpToTotal = (queue: string, inference: string, store: string) =>
  `queue;dur=${queue}, inference;dur=${inference}, store;dur=${store}, total;dur=`;
// Made once: most answers (discovery, JWKS, static files) spent nothing on any part.
const NOTHING_SPENT = timingUpToTotal('0.0', '0.0', '0.0');

/** The length of the union of the intervals. */
function covered(intervals: [number, number][]): number {
  if (intervals.length === 0) return 0;
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = sorted[0]!;
  for (const [start, end] of sorted.slice(1)) {
    if (start > to) {
      total += to - from;
      [from, to] = [start, end];
    } else {
      to = Math.max(to, end);
    }
  }
  return total + (to - from);
}
