/**
 * face-api's side of the comparison: its latency on our frames, one request at a time after a
 * warm-up of every worker, and its descriptors of the LFW images (every worker busy).
 */
import { readFile } from 'node:fs/promises';
import { mapInLanes } from '../../../src/eval/lanes.js';
import type { Phase } from '../../phase.js';
import { summarise, type LatencySummary } from '../../../test/support/latency-summary.js';
import { timedLoop } from '../../timed-loop.js';
import { FaceApiPool } from './face-api-pool.js';
import type { FaceApiBackend } from './load-face-api.js';
import { round } from '../../../src/face/round.js';

export type FaceApiLatency = LatencySummary & {
  images_per_s: number;
  backend: string;
  simd: boolean;
  threads: boolean;
  workers: number;
  /** Frames of the timed loop in which face-api found no face. */
  no_face: number;
  versions: FaceApiBackend['versions'];
};

/** face-api takes most of a second an image here: fewer samples, or the bench takes a quarter hour. */
const MIN_SAMPLES = 10;

export async function measureFaceApi(
  frames: readonly Uint8Array[],
  lfwImages: readonly string[],
  options: { workers: number; seconds: number },
  phase: Phase,
): Promise<{ latency: FaceApiLatency; descriptors: Map<string, Float32Array | null> }> {
  const { workers, seconds } = options;
  const pool = await phase('face-api: loading tfjs-wasm and its models', () => FaceApiPool.start(workers));
  try {
    const backend = await pool.backend();
    await phase('face-api: warm-up', (update) =>
      mapInLanes(frames.slice(0, 2 * workers), workers, (jpeg) => pool.single(jpeg), update),
    );
    const timed = await phase(`face-api, 1 request at a time (${seconds} s)`, (update) =>
      timedLoop(frames, (jpeg) => pool.single(jpeg), {
        seconds,
        minSamples: MIN_SAMPLES,
        lanes: 1,
        onProgress: update,
      }),
    );
    const described =
      lfwImages.length === 0
        ? []
        : await phase(`face-api: describing ${lfwImages.length} LFW images`, (update) =>
            mapInLanes(lfwImages, workers + 1, async (path) => pool.central(await readFile(path)), update),
          );
    return {
      latency: {
        ...summarise(timed.samples.map((s) => s.ms)),
        images_per_s: round(timed.perSecond, 2),
        backend: backend.name,
        simd: backend.simd,
        threads: backend.threads,
        workers,
        no_face: timed.samples.filter((s) => s.result === null).length,
        versions: backend.versions,
      },
      descriptors: new Map(lfwImages.map((path, i) => [path, described[i]])),
    };
  } finally {
    await pool.close();
  }
}
