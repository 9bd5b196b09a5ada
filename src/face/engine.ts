/**
 * The face engine's front door: images in, face analyses out, on worker threads behind a bounded
 * queue (or on the calling thread for command-line tools). It knows no HTTP and no storage.
 */
import { buildPipeline } from './build-pipeline.js';
import { FaceError } from './errors.js';
import type { EngineSpec } from './engine-spec.js';
import { runOperation, type Operation } from './operations.js';
import type { FaceAnalysis, FacePipeline } from './pipeline.js';
import { WorkerPool, type InferenceObserver, type InferenceTiming, type PoolStats } from './pool.js';

export type { InferenceObserver, InferenceTiming };

interface Executor {
  run(op: Operation, bytes: Uint8Array, models?: readonly string[]): Promise<unknown>;
  /** Several images admitted together: all taken, or all refused as busy (see WorkerPool.runAll). */
  runAll(op: Operation, inputs: readonly Uint8Array[], models?: readonly string[]): Promise<unknown>[];
  stats(): PoolStats;
  close(): Promise<void>;
}

/** One image at a time on this thread; a second caller waits its turn (or is told "busy"). */
class InProcessExecutor implements Executor {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly pipeline: FacePipeline,
    private readonly queueLength: number,
    private readonly observe: InferenceObserver,
  ) {}

  run(op: Operation, bytes: Uint8Array, models?: readonly string[]): Promise<unknown> {
    return this.runAll(op, [bytes], models)[0]!;
  }

  runAll(op: Operation, inputs: readonly Uint8Array[], models?: readonly string[]): Promise<unknown>[] {
    // One image runs and queueLength wait; an idle engine takes a longer burst whole.
    if (this.waiting > 0 && this.waiting + inputs.length > this.queueLength + 1) {
      const busy = new FaceError('busy', { queued: this.waiting });
      return inputs.map(() => Promise.reject(busy));
    }
    return inputs.map((bytes) => this.queued(op, bytes, models));
  }

  private queued(op: Operation, bytes: Uint8Array, models?: readonly string[]): Promise<unknown> {
    this.waiting++;
    const queued = performance.now();
    const result = this.tail
      .then(() => this.timed(op, bytes, models, queued))
      .finally(() => {
        this.waiting--;
      });
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async timed(op: Operation, bytes: Uint8Array, models: readonly string[] | undefined, queued: number) {
    const started = performance.now();
    try {
      return await runOperation(this.pipeline, op, bytes, models);
    } finally {
      this.observe(op, { queued, started, ended: performance.now() });
    }
  }

  stats(): PoolStats {
    return {
      workers: 0,
      busy: Math.min(1, this.waiting),
      queued: Math.max(0, this.waiting - 1),
      queueLength: this.queueLength,
    };
  }

  async close(): Promise<void> {
    await this.tail;
  }
}

export type FaceSummary = Omit<FaceAnalysis, 'timings' | 'image' | 'embeddings'>;

export class FaceEngine {
  private constructor(
    readonly spec: EngineSpec,
    private readonly executor: Executor,
  ) {}

  /** `observe` is told each image's inference time (the server's metrics). */
  static async start(spec: EngineSpec, observe: InferenceObserver = () => {}): Promise<FaceEngine> {
    const executor =
      spec.workers > 0
        ? await WorkerPool.start(new URL('./worker.js', import.meta.url), spec, spec.workers, spec.queueLength, observe)
        : new InProcessExecutor(await buildPipeline(spec), spec.queueLength, observe);
    return new FaceEngine(spec, executor);
  }

  /**
   * The one face to sign in with, or a FaceError saying what to fix; `models` names older
   * embedders (of spec.legacyEmbedders) to run as well.
   */
  analyze(bytes: Uint8Array, models?: readonly string[]): Promise<FaceAnalysis> {
    return this.executor.run('analyze', bytes, models) as Promise<FaceAnalysis>;
  }

  /** One frame of a liveness burst (see FacePipeline.analyzeFrame). */
  analyzeFrame(bytes: Uint8Array, models?: readonly string[]): Promise<FaceAnalysis> {
    return this.executor.run('analyzeFrame', bytes, models) as Promise<FaceAnalysis>;
  }

  /** Every frame of a liveness burst, admitted together: all analysed, or all refused as busy at once. */
  analyzeFrames(frames: readonly Uint8Array[], models?: readonly string[]): Promise<FaceAnalysis>[] {
    return this.executor.runAll('analyzeFrame', frames, models) as Promise<FaceAnalysis>[];
  }

  /** Every face found, largest first, with embeddings. */
  analyzeAll(bytes: Uint8Array): Promise<FaceSummary[]> {
    return this.executor.run('analyzeAll', bytes) as Promise<FaceSummary[]>;
  }

  /** The centred face's embedding without sign-in refusals (evaluation on datasets), or null. */
  embedCentral(bytes: Uint8Array): Promise<Float32Array | null> {
    return this.executor.run('embedCentral', bytes) as Promise<Float32Array | null>;
  }

  stats(): PoolStats {
    return this.executor.stats();
  }

  close(): Promise<void> {
    return this.executor.close();
  }
}
