/**
 * From the configuration's face options and the model manifest to an EngineSpec: shipped models
 * are found and verified (a missing or altered file stops here, with the command that rebuilds it),
 * a custom embedder is taken as described.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { sha256OfFile } from './model-files/file-digest.js';
import {
  findModel,
  isPublishedBuild,
  loadManifest,
  modelsDir,
  verifyModelFile,
  type ModelEntry,
  type ModelManifest,
} from './model-files/manifest.js';
import { DEFAULT_DECODE_LIMITS } from './image.js';
import { FaceSetupError } from './errors.js';
import type { EngineSpec } from './engine-spec.js';
import type { EmbedderSpec } from './embed/spec.js';
import type { FaceOptions } from './options.js';

const DETECTORS = ['blazeface-front-128', 'blazeface-back-256'] as const;
const PRESENTATION_ATTACK_MODEL = 'fr-liveness';

export interface ResolveContext {
  /** Folder that relative paths in the options are relative to (the configuration file's). */
  baseDir: string;
  manifest?: ModelManifest;
  /** Where the shipped models are (models/ by default). */
  modelsDir?: string;
}

export function resolveEngineSpec(options: FaceOptions, context: ResolveContext): EngineSpec {
  const manifest = context.manifest ?? loadManifest();
  const dir = context.modelsDir ?? modelsDir();
  // The configured detector first, the other one as a fallback for faces it misses.
  const detectorIds = [options.detector, ...DETECTORS.filter((id) => id !== options.detector)];
  const landmarks = options.landmarks ? findModel(manifest, 'landmarks68') : undefined;
  // Off, the model is neither verified nor loaded: the setting off changes nothing.
  const presentationAttack = options.presentationAttackDetection.enabled
    ? findModel(manifest, PRESENTATION_ATTACK_MODEL)
    : undefined;
  return {
    detectors: detectorIds.map((id) => {
      const entry = findModel(manifest, id);
      return { id, file: verifyModelFile(entry, dir), inputSize: Number(entry.input.shape[1]) };
    }),
    landmarks: landmarks && { id: landmarks.id, file: verifyModelFile(landmarks, dir) },
    embedder: resolveEmbedder(options, manifest, context.baseDir, dir),
    legacyEmbedders: [],
    ...(presentationAttack
      ? { presentationAttack: { id: presentationAttack.id, file: verifyModelFile(presentationAttack, dir) } }
      : {}),
    settings: {
      decode: { ...DEFAULT_DECODE_LIMITS, maxBytes: options.maxImageBytes, maxPixels: options.maxImagePixels },
      minDetectionScore: options.minDetectionScore,
      severalFacesRatio: 0.6,
      minEyeDistancePx: options.minEyeDistancePx,
      quality: { minBrightness: options.minBrightness, minSharpness: options.minSharpness },
    },
    workers: options.workers,
    queueLength: options.queueLength,
  };
}

/** The id new templates are stored under with these options, without opening any file. */
export function configuredEmbedderId(
  options: Pick<FaceOptions, 'embedder'>,
  manifest: ModelManifest = loadManifest(),
): string {
  return typeof options.embedder === 'string'
    ? shippedEmbedderId(findModel(manifest, options.embedder))
    : options.embedder.id;
}

function resolveEmbedder(options: FaceOptions, manifest: ModelManifest, baseDir: string, dir: string): EmbedderSpec {
  const custom = options.embedder;
  if (typeof custom !== 'string') {
    const file = isAbsolute(custom.file) ? custom.file : resolve(baseDir, custom.file);
    if (!existsSync(file))
      throw new FaceSetupError(
        `face.embedder.file: no such file ${file}: put your ONNX model there, or fix the path (it is relative to the configuration file)`,
      );
    if (custom.sha256 && sha256OfFile(file) !== custom.sha256) {
      throw new FaceSetupError(
        `face.embedder.sha256: ${file} is not the file configured (its sha256 differs): put the right file there, or update the sha256`,
      );
    }
    return {
      id: custom.id,
      file,
      sha256: custom.sha256,
      inputName: custom.inputName,
      outputName: custom.outputName,
      inputSize: custom.inputSize,
      layout: custom.layout,
      colorOrder: custom.colorOrder,
      mean: custom.mean,
      scale: custom.scale,
      alignment: {
        name: custom.alignment.template,
        size: custom.inputSize,
        padding: custom.alignment.padding,
        points: custom.alignment.points,
        supersample: custom.alignment.supersample,
      },
      metric: custom.metric,
      mirrorFusion: custom.mirrorFusion ?? options.mirrorFusion ?? true,
    };
  }
  const entry = findModel(manifest, custom);
  if (entry.role !== 'embedder' || !entry.embedding)
    throw new FaceSetupError(
      `face.embedder: model ${custom} is a ${entry.role}, not an embedder: name an embedder of models/manifest.json, or describe your own`,
    );
  return manifestEmbedder(entry, options.mirrorFusion, dir);
}

/** A shipped embedder as the manifest describes it; `mirrorFusion` null keeps the manifest's choice. */
export function manifestEmbedder(
  entry: ModelEntry,
  mirrorFusion: boolean | null,
  dir: string = modelsDir(),
): EmbedderSpec {
  const recipe = entry.embedding!;
  const size = Number(entry.input.shape[2]);
  return {
    id: shippedEmbedderId(entry),
    file: verifyModelFile(entry, dir),
    sha256: entry.sha256,
    inputName: entry.input.name,
    outputName: entry.output[0].name,
    inputSize: size,
    layout: entry.input.layout,
    colorOrder: entry.input.colorOrder,
    mean: entry.input.mean,
    scale: entry.input.scale,
    alignment: {
      name: recipe.alignment.template,
      size,
      padding: recipe.alignment.padding,
      points: recipe.alignment.points,
      supersample: recipe.alignment.supersample,
    },
    metric: recipe.metric,
    mirrorFusion: mirrorFusion ?? recipe.mirrorFusion,
    liveness: recipe.liveness,
  };
}

/**
 * The id templates of a shipped embedder are stored under: its manifest id and the digest of the
 * file whose numbers its embeddings are. A published file, copied or with its PRelu split (the same
 * numbers, faster), keeps the published file's digest, so that templates stay valid across that
 * rewrite; a graph built from weights has its own file's.
 */
export function shippedEmbedderId(entry: ModelEntry): string {
  const digest = isPublishedBuild(entry.build) ? entry.source.files[0]!.sha256 : entry.sha256;
  return `${entry.id}@${digest.slice(0, 12)}`;
}
