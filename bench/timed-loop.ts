/**
 * A closed-loop load: `lanes` callers each send a request, wait for its answer, send the next,
 * cycling through the inputs, for a given time. Latency is what each caller saw; throughput is
 * answers over the loop's whole duration.
 */
export interface LoopOptions {
  /** Requests in flight at once. */
  lanes: number;
  /** Stop starting new requests after this long ... */
  seconds: number;
  /** ... but not before this many answers (a slow system still gets a usable p95) ... */
  minSamples: number;
  /** ... and never more than this many. */
  maxSamples?: number;
  /** Whole seconds elapsed, of `seconds`. */
  onProgress?: (elapsedSeconds: number, seconds: number) => void;
}

export interface LoopResult<R> {
  /** Per request, in the order they finished. */
  samples: { ms: number; result: R }[];
  elapsedMs: number;
  perSecond: number;
}

export async function timedLoop<T, R>(
  inputs: readonly T[],
  request: (input: T) => Promise<R>,
  options: LoopOptions,
): Promise<LoopResult<R>> {
  if (inputs.length === 0) throw new Error('a timed loop needs at least one input');
  const { lanes, seconds, minSamples, maxSamples = Infinity, onProgress = () => {} } = options;
  const samples: LoopResult<R>['samples'] = [];
  const started = performance.now();
  let next = 0;
  const more = () => {
    const elapsed = (performance.now() - started) / 1000;
    onProgress(Math.floor(Math.min(seconds, elapsed)), seconds);
    const begun = next;
    return begun < maxSamples && (elapsed < seconds || begun < minSamples);
  };
  const lane = async () => {
    while (more()) {
      const input = inputs[next++ % inputs.length];
      const t0 = performance.now();
      const result = await request(input);
      samples.push({ ms: performance.now() - t0, result });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const elapsedMs = performance.now() - started;
  return { samples, elapsedMs, perSecond: samples.length / (elapsedMs / 1000) };
}
