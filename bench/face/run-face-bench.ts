/**
 * The face bench, phase by phase, on a started engine (the default configuration runs two
 * worker threads): frames, our pipeline one at a time and under load, LFW stages and accuracy,
 * 1:N match scaling, then face-api on the same frames and pairs. Phases run one after another,
 * never overlapping, so each has the machine to itself.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import type { FaceEngine } from '../../src/face/engine.js';
import { AccountIndex } from '../../src/face/match/account-index.js';
import { quantizedShortlister } from '../../src/face/match/quantized-index.js';
import { embedImages } from '../../src/eval/embed-images.js';
import { phaseRunner, type ProgressFactory } from '../phase.js';
import { compareAccuracy } from './accuracy-comparison.js';
import { measureOneAtATime, measureUnderLoad, screen } from './engine-latency.js';
import { BURST_LENGTH, demoBursts, measureBurst, tenFrameTimeline } from './burst-latency.js';
import { measureMixedArrivals } from './mixed-arrivals.js';
import { measureFaceApi } from './face-api/measure-face-api.js';
import { unavailableReason } from './face-api/load-face-api.js';
import { lfwPairSubset, type PairSubset } from './lfw-subset.js';
import { describeMachine } from './machine.js';
import { measureMatchScaling } from './match-scaling.js';
import type { FaceBenchReport } from './report.js';
import { findSharedData } from '../../src/eval/shared-data.js';
import { framesFromDemoPhotos, framesFromFaces, type Frame } from '../../test/support/webcam-frames.js';
import { round } from '../../src/face/round.js';

export interface FaceBenchOptions {
  /** Seconds per timed loop. */
  seconds: number;
  /** Same-person and different-person LFW pairs each, from the top of pairsDevTrain.txt. */
  pairsPerKind: number;
  /** Run face-api side by side (the default); off only to shorten a test. */
  faceApi: boolean;
  /** Photos per person of ../shared/faces made into frames. */
  photosPerIdentity: number;
  /** 1:N on a million synthetic accounts as well (--large). */
  large?: boolean;
  /** The random arrivals' bursts a second (--arrivals), instead of a share of the measured capacity. */
  burstsPerSecond?: number;
}

const FOLDS = 10;
const MIN_SAMPLES = 30;

export async function runFaceBench(
  engine: FaceEngine,
  options: FaceBenchOptions,
  progress: ProgressFactory,
): Promise<FaceBenchReport> {
  const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  const rss_mb = rssMb();
  const loadBefore = loadavg()[0];
  const started = performance.now();
  const notes: string[] = [];
  const phase = phaseRunner(progress);
  const shared = findSharedData();
  const { spec } = engine;
  const loop = { seconds: options.seconds, minSamples: MIN_SAMPLES };

  // Frames, and one pass over them that warms up every worker and drops the ones the engine refuses.
  let frames: Frame[];
  let frameSource: string;
  if (shared.faces) {
    frames = await phase('making 640x480 frames', (update) =>
      framesFromFaces(shared.faces!, options.photosPerIdentity, update),
    );
    frameSource = `${shared.faces} (up to ${options.photosPerIdentity} photos per person)`;
  } else {
    notes.push(`${shared.searched}/faces is absent: frames are made from the demo photos of @vladmandic/face-api`);
    frames = await phase('making 640x480 frames', () =>
      framesFromDemoPhotos(async (jpeg) => (await engine.analyzeAll(jpeg)).map((f) => f.box)),
    );
    frameSource = '@vladmandic/face-api demo photos';
  }
  const screened = await phase('warm-up: every frame once', (update) => screen(engine, frames, update));
  if (screened.accepted.length === 0) throw new Error('the engine refused every frame: nothing to time');
  const rss_after_warmup_mb = rssMb();
  const jpegs = screened.accepted.map((f) => f.jpeg);

  // The people of the frames, enrolled: the gallery each frame's embedding is looked up in.
  const enrolled = screened.accepted.map((f) => ({ accountId: f.identity, embedding: f.analysis.embedding }));
  const gallery = await AccountIndex.build(spec.embedder.id, spec.embedder.metric, enrolled, {
    shortlister: quantizedShortlister,
  });

  const one = await phase(`facegate, 1 request at a time (${options.seconds} s)`, (update) =>
    measureOneAtATime(engine, jpegs, gallery, { ...loop, onProgress: update }),
  );
  const two = await phase(`facegate, 2 requests in flight (${options.seconds} s)`, (update) =>
    measureUnderLoad(engine, jpegs, 2, { ...loop, onProgress: update }),
  );

  const bursts = await phase('animating the demo faces into liveness bursts', () =>
    demoBursts(engine, tenFrameTimeline()),
  );
  const burst = await phase(`a ${BURST_LENGTH}-frame liveness burst and one frame (${options.seconds} s)`, (update) =>
    measureBurst(engine, bursts, loop, update),
  );
  const arrivals = await phase(`bursts and snapshots arriving at random (${options.seconds} s)`, (update) =>
    measureMixedArrivals(engine, bursts, options.seconds, {
      oneFrameMs: burst.one_frame.p50_ms,
      burstsPerSecond: options.burstsPerSecond,
      onProgress: update,
    }),
  );

  // LFW: stage timings on its 250x250 images, and our embeddings of the accuracy pairs.
  let subset: PairSubset | null = null;
  let lfw: Awaited<ReturnType<typeof measureOneAtATime>> | null = null;
  let ours: Map<string, Float32Array | null> | null = null;
  if (shared.lfw) {
    subset = lfwPairSubset(shared.lfw.pairs, shared.lfw.images, options.pairsPerKind);
    const images = await Promise.all(subset.images.map((path) => readFile(path)));
    lfw = await phase(`facegate on LFW images (${options.seconds} s)`, (update) =>
      measureOneAtATime(engine, images, gallery, { ...loop, onProgress: update }),
    );
    ours = await phase(`facegate: embedding ${subset.images.length} LFW images`, (update) =>
      embedImages(engine, subset!.images, update),
    );
  } else {
    notes.push(`${shared.searched}/lfw-dev is absent: no LFW stage timings and no accuracy comparison`);
  }
  await engine.close();

  const match = await phase(`1:N match on 1e3, 1e4, 1e5${options.large ? ', 1e6' : ''} random accounts`, (update) =>
    measureMatchScaling(options.seconds, enrolled[0].embedding.length, update, options.large),
  );

  // face-api on the same frames and the same pairs, on as many worker threads as our engine has.
  const skipped = !options.faceApi ? 'skipped on request (--skip-face-api)' : unavailableReason();
  if (skipped) notes.push(`face-api: ${skipped}`);
  const theirs = skipped
    ? null
    : await measureFaceApi(
        jpegs,
        subset?.images ?? [],
        { workers: Math.max(1, spec.workers), seconds: options.seconds },
        phase,
      );
  const faceApi = theirs?.latency ?? null;

  return {
    machine: {
      ...describeMachine(),
      load_average_before: round(loadBefore, 2),
      load_average_after: round(loadavg()[0], 2),
    },
    engine: {
      workers: spec.workers,
      detector: spec.detectors[0].id,
      landmarks: Boolean(spec.landmarks),
      embedder: spec.embedder.id,
      mirror_fusion: spec.embedder.mirrorFusion,
    },
    seconds: options.seconds,
    frames: { source: frameSource, made: frames.length, used: jpegs.length, refused: screened.refusals },
    pipeline: { p50_ms: one.pipeline.p50_ms, p95_ms: one.pipeline.p95_ms, n: one.pipeline.n },
    stages: one.stages,
    stages_gallery_accounts: gallery.accountCount,
    lfw_stages: lfw?.stages ?? null,
    lfw_images: lfw && subset ? { images: subset.images.length, requests: lfw.requests, refused: lfw.refusals } : null,
    concurrency: { '1': one.pipeline, '2': two },
    burst,
    arrivals,
    rss_mb,
    rss_after_warmup_mb,
    match: match.engine,
    match_exact: match.exact,
    match_cost: match.cost,
    shortlist_from: match.shortlistFrom,
    match_dims: match.dims,
    face_api: faceApi,
    face_api_skipped: skipped,
    ratio_vs_face_api: faceApi ? round(faceApi.p50_ms / one.pipeline.p50_ms, 2) : null,
    accuracy:
      subset && ours
        ? {
            ...compareAccuracy(subset, ours, spec.embedder.metric, theirs?.descriptors ?? null, FOLDS),
            source: `the first ${options.pairsPerKind} same-person and ${options.pairsPerKind} different-person pairs of ${shared.lfw!.pairs}`,
          }
        : null,
    notes,
    total_seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
