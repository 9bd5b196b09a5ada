/**
 * Makes the bytes of one model file from its verified source files, as the manifest's `build` says.
 */
import { readFileSync } from 'node:fs';
import type { OnnxGraphBuilder } from '../src/face/onnx/graph-builder.js';
import {
  isPublishedBuild,
  type ModelBuild,
  type ModelEntry,
  type PublishedBuild,
} from '../src/face/model-files/manifest.js';
import { buildDlibResnetGraph } from './nets/dlib-resnet.js';
import { buildLandmarks68Graph } from './nets/landmarks68.js';
import { readTfjsWeights, type WeightMap } from './weights/tfjs-weights.js';
import { splitPRelu } from './rewrite/prelu-split.js';

/** Opset 13 has every operator these graphs use, and onnxruntime-node 1.30 runs it. */
const OPSET = 13;
/** Part of every built file: changing it changes every sha256 in the manifest. */
const BUILDER_VERSION = '1';

const graphBuilders: Record<Exclude<ModelBuild, PublishedBuild>, (weights: WeightMap) => OnnxGraphBuilder> = {
  'dlib-resnet': buildDlibResnetGraph,
  landmarks68: buildLandmarks68Graph,
};

export function buildModel(entry: ModelEntry, sourceFiles: readonly string[]): Uint8Array {
  if (isPublishedBuild(entry.build)) {
    if (sourceFiles.length !== 1) throw new Error(`model ${entry.id}: a ${entry.build} needs exactly one source file`);
    const published = readFileSync(sourceFiles[0]);
    return entry.build === 'copy' ? published : splitPRelu(published).bytes;
  }
  const weightsManifest = sourceFiles.find((f) => f.endsWith('-weights_manifest.json'));
  if (!weightsManifest) throw new Error(`model ${entry.id}: no tfjs *-weights_manifest.json among its source files`);
  const graph = graphBuilders[entry.build](readTfjsWeights(weightsManifest));
  const { package: pkg, version, files } = entry.source;
  return graph.toBytes({
    graphName: entry.id,
    producerName: 'facegate models/install',
    producerVersion: BUILDER_VERSION,
    opsetVersion: OPSET,
    // Provenance only: the manifest's prose stays out of the bytes, so editing it changes no sha256.
    docString: `${entry.id}, built by facegate's models/install from ${pkg}@${version}; see models/manifest.json`,
    metadata: {
      source: `${pkg}@${version}`,
      ...Object.fromEntries(files.map((f) => [`sha256:${f.path}`, f.sha256])),
    },
  });
}
