/**
 * The face side of the server, started once: the engine (worker threads), the gallery over the
 * store's templates, the threshold policy from the shipped calibration, and the recognizer that
 * puts them together. Its health check says whether the models are loaded and answering.
 */
import type { Store } from '../../adapters/contract.js';
import type { FaceConfig } from '../config/types.js';
import { FaceEngine, type InferenceObserver } from '../face/engine.js';
import { Gallery } from '../face/match/gallery.js';
import { calibrationPipeline, loadCalibration } from '../face/match/load-calibration.js';
import { quantizedShortlister } from '../face/match/quantized-index.js';
import { ThresholdPolicy } from '../face/match/threshold-policy.js';
import { FaceRecognizer } from '../face/recognizer.js';
import { resolveEngineSpec } from '../face/resolve-spec.js';
import { storeTemplateSource } from './store-template-source.js';

export interface FaceService {
  readonly engine: FaceEngine;
  readonly recognizer: FaceRecognizer;
  readonly policy: ThresholdPolicy;
  /** The embedder id templates are stored under. */
  readonly model: string;
  /** Rejects unless the models answer. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** `observeInference` is told each image's inference time (the server's metrics). */
export async function startFaceService(face: FaceConfig, store: Store, baseDir: string, observeInference?: InferenceObserver): Promise<FaceService> {
  const spec = resolveEngineSpec(face, { baseDir });
  const calibration = loadCalibration(spec.embedder.id, calibrationPipeline(spec));
  const policy = new ThresholdPolicy({
    targetFalseAcceptRate: face.targetFalseAcceptRate,
    minGenuineAcceptRate: face.minGenuineAcceptRate,
    fixedThreshold: face.threshold,
  }, calibration);
  const gallery = await Gallery.load(storeTemplateSource(store.templates), spec.embedder.id, spec.embedder.metric, { shortlister: quantizedShortlister });
  const engine = await FaceEngine.start(spec, observeInference);
  return {
    engine,
    policy,
    model: spec.embedder.id,
    recognizer: new FaceRecognizer(engine, gallery, policy, face.margin,
      face.presentationAttackDetection.enabled ? face.presentationAttackDetection.threshold : undefined),
    async check() {
      const { workers } = engine.stats();
      if (spec.workers > 0 && workers === 0) throw new Error('no face worker is running');
    },
    close: () => engine.close(),
  };
}
