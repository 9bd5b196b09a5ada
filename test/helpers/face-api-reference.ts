/**
 * face-api's own networks on TensorFlow.js (CPU backend), the reference our ONNX graphs must match.
 * face-api's ESM builds do not load under Node's ESM resolver (tfjs's ESM files import without
 * extensions), so this loads its CommonJS build that takes tfjs from node_modules
 * (dist/face-api.node-wasm.js); the weights come from the files on disk through tfjs's own decoder.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js');

const require = createRequire(import.meta.url);
let loaded: Promise<FaceApi> | undefined;

export { tf };

/** face-api on tfjs's CPU backend, in production mode (which silences tfjs's console banner). */
export function faceApi(): Promise<FaceApi> {
  loaded ??= (async () => {
    const api = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    tf.enableProdMode();
    await tf.setBackend('cpu');
    await tf.ready();
    return api;
  })();
  return loaded;
}

export function faceApiModelFile(name: string): string {
  return join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model', name);
}

/** Decodes a tfjs weights manifest and its shards with tfjs itself (not with our reader). */
export function faceApiWeightMap(modelName: string): tf.NamedTensorMap {
  const manifest = JSON.parse(
    readFileSync(faceApiModelFile(`${modelName}-weights_manifest.json`), 'utf8'),
  ) as tf.io.WeightsManifestConfig;
  const map: tf.NamedTensorMap = {};
  for (const group of manifest) {
    const bytes = Buffer.concat(group.paths.map((p) => readFileSync(faceApiModelFile(p))));
    Object.assign(
      map,
      tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), group.weights),
    );
  }
  return map;
}
