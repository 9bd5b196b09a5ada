/**
 * A fixed set of worker threads, each with its own face pipeline (its own ONNX sessions), and a
 * bounded queue in front of them. onnxruntime keeps a thread busy while it computes, so inference
 * runs off the HTTP thread here; when the queue is full a request is refused at once ("busy")
 * instead of waiting without bound.
 */
import { AsyncResource } from 'node:async_hooks';
import { Worker } from 'node:worker_threads';
import { FaceError, type FaceErrorCode } from './errors.js';
import { WaitingImages } from './waiting-images.js';
import type { Said } from '../errors.js';

export interface WorkerRequest {
  id: number;
  op: string;
  bytes: ArrayBuffer;
  /** Older embedders to run as well. */
  models?: readonly string[];
}

export type WorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: FaceErrorCode; message: Said; detail?: Record<string, number | string> } }
  | { ready: true }
  | { ready: false; error: string };

interface Task {
  id: number;
  op: string;
  bytes: ArrayBuffer;
  models?: readonly string[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** The pool's observer, bound to the caller's async context (its request). */
  observe: InferenceObserver;
  /** performance.now() when it was asked for. */
  queuedAt: number;
  /** performance.now() when a worker took it. */
  dispatchedAt?: number;
}

/** performance.now() readings of one image's way through the engine. */
export interface InferenceTiming {
  /** Asked for. */
  queued: number;
  /** Taken by a worker (the wait before it is queue time). */
  started: number;
  /** Answered. */
  ended: number;
}

/**
 * Told of each image the engine answered (refusals included), in the async context of the code
 * that asked for it, so that the time can be put to the request's account (Server-Timing).
 */
export type InferenceObserver = (operation: string, timing: InferenceTiming) => void;

interface Slot {
  worker: Worker;
  task?: Task;
}

export interface PoolStats {
  workers: number;
  busy: number;
  queued: number;
  queueLength: number;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: WaitingImages<Task>;
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly script: URL,
    private readonly workerData: unknown,
    private readonly queueLength: number,
    private readonly observe: InferenceObserver,
  ) {
    this.queue = new WaitingImages(queueLength);
  }

  /** Start `size` workers and wait until each has loaded its models (or one fails to). */
  static async start(
    script: URL,
    workerData: unknown,
    size: number,
    queueLength: number,
    observe: InferenceObserver = () => {},
  ): Promise<WorkerPool> {
    const pool = new WorkerPool(script, workerData, queueLength, observe);
    try {
      await Promise.all(Array.from({ length: size }, () => pool.spawn()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  stats(): PoolStats {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.task).length,
      queued: this.queue.length,
      queueLength: this.queueLength,
    };
  }

  run(op: string, input: Uint8Array, models?: readonly string[]): Promise<unknown> {
    return this.runAll(op, [input], models)[0]!;
  }

  /**
   * Several images of one request (a liveness burst's frames), admitted together: all queued, or
   * all refused as busy when the queue has no room for every one. Frames let in one by one until
   * the queue is full would be analysed for an attempt that is then refused. When the engine is
   * idle, they are taken however many, so a burst longer than the queue can run at all. Those no
   * worker takes at once wait as one request (see WaitingImages for the order they run in).
   */
  runAll(op: string, inputs: readonly Uint8Array[], models?: readonly string[]): Promise<unknown>[] {
    if (this.closed) return inputs.map(() => Promise.reject(new Error('the face engine is closed')));
    const idle = this.slots.filter((s) => !s.task).length;
    const room = idle + this.queueLength - this.queue.length;
    const engineIdle = idle === this.slots.length && this.queue.length === 0;
    if (inputs.length > room && !engineIdle) {
      const busy = new FaceError('busy', { queued: this.queue.length });
      return inputs.map(() => Promise.reject(busy));
    }
    const observe = AsyncResource.bind(this.observe);
    const waiting: Task[] = [];
    const results = inputs.map((input) => {
      // A private copy of exactly these bytes, transferred to the worker. (Not input.slice(): on a
      // Node Buffer that is a view, whose .buffer may be a shared pool holding other data.)
      const bytes = new Uint8Array(input).buffer as ArrayBuffer;
      return new Promise((resolve, reject) => {
        const queuedAt = performance.now();
        const task: Task = { id: this.nextId++, op, bytes, models, resolve, reject, observe, queuedAt };
        const slot = this.slots.find((s) => !s.task);
        if (slot) this.dispatch(slot, task);
        else waiting.push(task);
      });
    });
    this.queue.add(waiting);
    return results;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.drain()) task.reject(new Error('the face engine is closing'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.script, { workerData: this.workerData });
      const slot: Slot = { worker };
      let ready = false;
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          if (reply.ready) {
            ready = true;
            this.slots.push(slot);
            this.next(slot);
            resolve();
          } else {
            reject(new Error(reply.error));
          }
          return;
        }
        const task = slot.task;
        if (!task || task.id !== reply.id) return;
        slot.task = undefined;
        task.observe(task.op, { queued: task.queuedAt, started: task.dispatchedAt!, ended: performance.now() });
        if (reply.ok) task.resolve(reply.result);
        else task.reject(new FaceError(reply.error.code, reply.error.detail, reply.error.message));
        this.next(slot);
      });
      const fail = (error: Error) => {
        if (!ready) return reject(error);
        this.replace(slot, error);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!this.closed && this.slots.includes(slot)) fail(new Error(`face worker exited with code ${code}`));
      });
    });
  }

  /** A worker died: fail its task, take it out, start another in its place. */
  private replace(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    slot.task?.reject(new FaceError('engine_failure', { reason: error.message }));
    slot.task = undefined;
    void slot.worker.terminate();
    if (!this.closed) {
      this.spawn().catch((e: Error) => {
        for (const task of this.queue.drain()) task.reject(new FaceError('engine_failure', { reason: e.message }));
      });
    }
  }

  private next(slot: Slot): void {
    const task = this.queue.take();
    if (task) this.dispatch(slot, task);
  }

  private dispatch(slot: Slot, task: Task): void {
    slot.task = task;
    task.dispatchedAt = performance.now();
    const request: WorkerRequest = { id: task.id, op: task.op, bytes: task.bytes, models: task.models };
    slot.worker.postMessage(request, [task.bytes]);
  }
}
