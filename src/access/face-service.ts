/**
 * The face side of the server, started once: the engine (worker threads), the gallery over the
 * store's templates, each embedder's threshold policy from its shipped calibration, and the
 * recognizer that puts them together. Older embedders that accounts not yet carried over still
 * need are loaded beside the configured one. Its health check says whether the models are loaded
 * and answering.
 */
import type { Store } from '../../adapters/contract.js';
import { loadManifest, type ModelManifest } from '../face/model-files/manifest.js';
import { livenessBoundsOf } from '../face/liveness/settings.js';
import type { FaceConfig } from '../config/types.js';
import { FaceEngine, type InferenceObserver } from '../face/engine.js';
import type { EmbedderSpec } from '../face/embed/spec.js';
import { legacyEmbedders, type LegacyEmbedders } from '../face/legacy-embedders.js';
import type { Calibration } from '../face/match/calibration.js';
import { Gallery } from '../face/match/gallery.js';
import { calibrationPipeline, loadCalibration } from '../face/match/load-calibration.js';
import { quantizedShortlister } from '../face/match/quantized-index.js';
import { ThresholdPolicy } from '../face/match/threshold-policy.js';
import { FaceRecognizer, type ModelRules } from '../face/recognizer.js';
import { resolveEngineSpec, shippedEmbedderId } from '../face/resolve-spec.js';
import { storeTemplateSource } from './store-template-source.js';

export interface FaceService {
  readonly engine: FaceEngine;
  readonly recognizer: FaceRecognizer;
  /** The configured embedder id: new templates are stored under it. */
  readonly model: string;
  /** Older embedders loaded for accounts not yet carried over, and those that could not be. */
  readonly legacy: { loaded: string[]; unavailable: LegacyEmbedders['unavailable'] };
  /** The rules (thresholds, margin) of the configured embedder. */
  readonly rules: ModelRules;
  /** Rejects unless the models answer. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** The margin of an embedder whose manifest entry names none (a custom one). */
const DEFAULT_MARGIN = 0.04;

/**
 * How an embedder decides: its threshold policy from its calibration, its margin, and its bounds on
 * a live burst's frames. `configured`: face.threshold and face.margin apply (they are in the
 * configured embedder's distance, not an older one's).
 */
export function modelRules(
  face: FaceConfig,
  embedder: EmbedderSpec,
  calibration: Calibration | null,
  manifest: ModelManifest,
  configured: boolean,
): ModelRules {
  const recipe = manifest.models.find((m) => shippedEmbedderId(m) === embedder.id)?.embedding;
  return {
    policy: new ThresholdPolicy(
      {
        targetFalseAcceptRate: face.targetFalseAcceptRate,
        minGenuineAcceptRate: face.minGenuineAcceptRate,
        fixedThreshold: configured ? face.threshold : null,
      },
      calibration,
    ),
    margin: (configured ? face.margin : null) ?? recipe?.margin ?? DEFAULT_MARGIN,
    frameBounds: livenessBoundsOf(embedder).account,
  };
}

/** `observeInference` is told each image's inference time (the server's metrics). */
export async function startFaceService(
  face: FaceConfig,
  store: Store,
  baseDir: string,
  observeInference?: InferenceObserver,
): Promise<FaceService> {
  const manifest = loadManifest();
  const spec = resolveEngineSpec(face, { baseDir, manifest });
  const legacy = legacyEmbedders(await store.templates.usage(), spec.embedder, spec.landmarks !== undefined, manifest);
  spec.legacyEmbedders = legacy.loaded.map((l) => l.spec);

  const configured = modelRules(
    face,
    spec.embedder,
    loadCalibration(spec.embedder.id, calibrationPipeline(spec)),
    manifest,
    true,
  );
  // An older model keeps its own calibration and margin: face.threshold and face.margin are in the
  // configured model's distances.
  const rules = new Map<string, ModelRules>([
    [spec.embedder.id, configured],
    ...legacy.loaded.map(
      ({ spec: older, calibration }) => [older.id, modelRules(face, older, calibration, manifest, false)] as const,
    ),
  ]);
  const gallery = await Gallery.load(storeTemplateSource(store.templates), [spec.embedder, ...spec.legacyEmbedders], {
    shortlister: quantizedShortlister,
  });
  const engine = await FaceEngine.start(spec, observeInference);
  return {
    engine,
    model: spec.embedder.id,
    legacy: { loaded: spec.legacyEmbedders.map((e) => e.id), unavailable: legacy.unavailable },
    rules: configured,
    recognizer: new FaceRecognizer(
      engine,
      gallery,
      rules,
      face.presentationAttackDetection.enabled ? face.presentationAttackDetection.threshold : undefined,
    ),
    async check() {
      const { workers } = engine.stats();
      if (spec.workers > 0 && workers === 0) throw new Error('no face worker is running');
    },
    close: async () => {
      await gallery.close();
      await engine.close();
    },
  };
}
