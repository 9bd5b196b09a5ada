/** face-api on worker threads, behind the engine's own WorkerPool. */
import { WorkerPool } from '../../../src/face/pool.js';
import type { FaceApiBackend } from './load-face-api.js';
import type { FaceApiOperation } from './worker.js';

export class FaceApiPool {
  private constructor(
    private readonly pool: WorkerPool,
    readonly workers: number,
  ) {}

  static async start(workers: number): Promise<FaceApiPool> {
    return new FaceApiPool(await WorkerPool.start(new URL('./worker.js', import.meta.url), null, workers, 64), workers);
  }

  private run<R>(op: FaceApiOperation, jpeg: Uint8Array): Promise<R> {
    return this.pool.run(op, jpeg) as Promise<R>;
  }

  /** The best-scoring face's descriptor (face-api's detectSingleFace chain), or null. */
  single(jpeg: Uint8Array): Promise<Float32Array | null> {
    return this.run('single', jpeg);
  }

  /** The descriptor of the face nearest the centre, or null. */
  central(jpeg: Uint8Array): Promise<Float32Array | null> {
    return this.run('central', jpeg);
  }

  backend(): Promise<FaceApiBackend> {
    return this.run('backend', new Uint8Array(0));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
