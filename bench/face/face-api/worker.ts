/**
 * A face-api worker thread, speaking the face engine's worker protocol (src/face/pool.ts) so the
 * same WorkerPool runs it: face-api is then called as our engine is, off the calling thread,
 * and the LFW comparison can keep both cores busy.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from '../../../src/face/pool.js';
import { describeCentralFace, describeSingleFace } from './describe.js';
import { loadFaceApi } from './load-face-api.js';

export type FaceApiOperation = 'single' | 'central' | 'backend';

const port = parentPort!;
const post = (reply: WorkerReply) => port.postMessage(reply);

try {
  const { api, backend } = await loadFaceApi();
  const run = (op: string, bytes: Uint8Array): Promise<unknown> => {
    switch (op as FaceApiOperation) {
      case 'single':
        return describeSingleFace(api, bytes);
      case 'central':
        return describeCentralFace(api, bytes);
      case 'backend':
        return Promise.resolve(backend);
      default:
        return Promise.reject(new Error(`unknown face-api operation "${op}"`));
    }
  };
  port.on('message', async (request: WorkerRequest) => {
    try {
      post({ id: request.id, ok: true, result: await run(request.op, new Uint8Array(request.bytes)) });
    } catch (error) {
      post({ id: request.id, ok: false, error: { code: 'engine_failure', message: (error as Error).message } });
    }
  });
  post({ ready: true });
} catch (error) {
  post({ ready: false, error: (error as Error).message });
}
