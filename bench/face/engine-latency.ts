/**
 * Our pipeline, timed as a caller sees it: `engine.analyze` on worker threads, one request at a
 * time (with the engine's own stage timings, and the gallery lookup timed here) and with several
 * in flight (latency under load, and throughput).
 */
import type { FaceEngine } from '../../src/face/engine.js';
import { FaceError, type FaceErrorCode } from '../../src/face/errors.js';
import type { AccountIndex } from '../../src/face/match/account-index.js';
import type { FaceAnalysis, StageTimings } from '../../src/face/pipeline.js';
import { mapInLanes } from '../../src/eval/lanes.js';
import { summarise, type LatencySummary } from '../../test/support/latency-summary.js';
import { timedLoop, type LoopOptions } from '../timed-loop.js';
import { round } from '../../src/face/round.js';

/** The default pipeline's stages (the optional presentation-attack model is measured by facegate eval-pad), and the 1:N match. */
export type Stage = Exclude<keyof StageTimings, 'presentationAttack' | 'landmarks' | 'scene'> | 'match';
export type StageLatency = Record<Stage, LatencySummary>;

export interface LoadLatency extends LatencySummary {
  images_per_s: number;
}

/** Refusals counted by code ("several_faces": 3): images the engine turned down. */
export type Refusals = Partial<Record<FaceErrorCode, number>>;

/** The analysis, or the code the engine refused the image with. */
export function analyzeOrRefusal(engine: FaceEngine, jpeg: Uint8Array): Promise<FaceAnalysis | FaceErrorCode> {
  return engine.analyze(jpeg).catch((error: unknown) => {
    if (error instanceof FaceError && error.code !== 'busy' && error.code !== 'engine_failure') return error.code;
    throw error;
  });
}

export function countRefusals(results: readonly (FaceAnalysis | FaceErrorCode)[]): Refusals {
  const out: Refusals = {};
  for (const r of results) if (typeof r === 'string') out[r] = (out[r] ?? 0) + 1;
  return out;
}

/** Each image once, every worker busy: which ones the engine accepts (and a warm-up of every worker). */
export async function screen<T extends { jpeg: Uint8Array }>(
  engine: FaceEngine,
  images: readonly T[],
  onProgress?: (done: number, total: number) => void,
) {
  const results = await mapInLanes(
    images,
    Math.max(1, engine.spec.workers),
    (image) => analyzeOrRefusal(engine, image.jpeg),
    onProgress,
  );
  const accepted = images.flatMap((image, i) =>
    typeof results[i] === 'string' ? [] : [{ ...image, analysis: results[i] as FaceAnalysis }],
  );
  return { accepted, refusals: countRefusals(results) };
}

/**
 * One request at a time: whole-pipeline latency, per-stage latency from the engine's own timings,
 * and the 1:N lookup of each embedding in `gallery` (timed here, after the loop, on this thread).
 */
export async function measureOneAtATime(
  engine: FaceEngine,
  jpegs: readonly Uint8Array[],
  gallery: AccountIndex,
  loop: Omit<LoopOptions, 'lanes'>,
) {
  const { samples, perSecond } = await timedLoop(jpegs, (jpeg) => analyzeOrRefusal(engine, jpeg), {
    ...loop,
    lanes: 1,
  });
  const analyses = samples.flatMap((s) => (typeof s.result === 'string' ? [] : [s.result]));
  if (analyses.length === 0) throw new Error('the engine refused every image of the timed loop');
  const match: number[] = [];
  for (const { embedding } of analyses) {
    const t0 = performance.now();
    await gallery.nearestAccounts(embedding, 2);
    match.push(performance.now() - t0);
  }
  const stage = (name: Exclude<Stage, 'match'>) => summarise(analyses.map((a) => a.timings[name]));
  const stages: StageLatency = {
    decode: stage('decode'),
    detect: stage('detect'),
    align: stage('align'),
    embed: stage('embed'),
    match: summarise(match),
  };
  const pipeline: LoadLatency = {
    ...summarise(samples.filter((s) => typeof s.result !== 'string').map((s) => s.ms)),
    images_per_s: round(perSecond, 2),
  };
  return { pipeline, stages, requests: samples.length, refusals: countRefusals(samples.map((s) => s.result)) };
}

/** `lanes` requests in flight: latency each caller saw, and answers per second. */
export async function measureUnderLoad(
  engine: FaceEngine,
  jpegs: readonly Uint8Array[],
  lanes: number,
  loop: Omit<LoopOptions, 'lanes'>,
): Promise<LoadLatency> {
  const { samples, perSecond } = await timedLoop(jpegs, (jpeg) => engine.analyze(jpeg), { ...loop, lanes });
  return { ...summarise(samples.map((s) => s.ms)), images_per_s: round(perSecond, 2) };
}
