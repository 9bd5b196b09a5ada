/**
 * A face worker thread: builds its own pipeline from workerData, says when it is ready, then
 * answers one request at a time (pool.ts never sends it a second before the first is answered).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildPipeline } from './build-pipeline.js';
import { FaceError } from './errors.js';
import type { EngineSpec } from './engine-spec.js';
import type { WorkerReply, WorkerRequest } from './pool.js';
import { runOperation } from './operations.js';

const port = parentPort!;
const post = (reply: WorkerReply) => port.postMessage(reply);

try {
  const pipeline = await buildPipeline(workerData as EngineSpec);
  port.on('message', async (request: WorkerRequest) => {
    try {
      post({
        id: request.id,
        ok: true,
        result: await runOperation(pipeline, request.op, new Uint8Array(request.bytes), request.models),
      });
    } catch (error) {
      const e =
        error instanceof FaceError ? error : new FaceError('engine_failure', { reason: (error as Error).message });
      post({ id: request.id, ok: false, error: { code: e.code, message: e.said, detail: e.detail } });
    }
  });
  post({ ready: true });
} catch (error) {
  post({ ready: false, error: (error as Error).message });
}
