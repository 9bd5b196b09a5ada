/**
 * @vladmandic/face-api on @tensorflow/tfjs with the WebAssembly backend: what a Node user picks
 * when tfjs-node will not install (it does not here). Everything comes from disk: the backend's
 * .wasm files from its own dist folder, face-api's weights from its model folder; no network.
 *
 * face-api's ESM builds do not load under Node's ESM resolver (tfjs's ESM files import without
 * extensions), so this takes its CommonJS build for tfjs-from-node_modules, as the model tests do
 * (test/helpers/face-api-reference.ts). tfjs and its wasm backend are development dependencies:
 * `available()` says what is missing when they are not installed.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js');
type Tfjs = typeof import('@tensorflow/tfjs');
type TfjsWasm = typeof import('@tensorflow/tfjs-backend-wasm');

const require = createRequire(import.meta.url);
const PACKAGES = ['@vladmandic/face-api', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'] as const;

export interface FaceApiBackend {
  name: string;
  simd: boolean;
  threads: boolean;
  versions: Record<(typeof PACKAGES)[number], string>;
}

/** null when face-api can run here, else why not. */
export function unavailableReason(): string | null {
  const missing = PACKAGES.filter((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return false;
    } catch {
      return true;
    }
  });
  return missing.length === 0
    ? null
    : `not installed: ${missing.join(', ')} (development dependencies: run npm ci without --omit=dev)`;
}

function packageFolder(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** face-api with its detector (SSD MobileNet v1), 68-point landmarks and recogniser loaded. */
export async function loadFaceApi(): Promise<{ api: FaceApi; backend: FaceApiBackend }> {
  const tf = require('@tensorflow/tfjs') as Tfjs;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as TfjsWasm;
  const api = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  // A path prefix, not a URL: in Node the backend reads the .wasm file it picks from disk.
  wasm.setWasmPaths(`${join(packageFolder('@tensorflow/tfjs-backend-wasm'), 'dist')}/`);
  tf.enableProdMode();
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs could not start its wasm backend');
  await tf.ready();
  const models = join(packageFolder('@vladmandic/face-api'), 'model');
  await api.nets.ssdMobilenetv1.loadFromDisk(models);
  await api.nets.faceLandmark68Net.loadFromDisk(models);
  await api.nets.faceRecognitionNet.loadFromDisk(models);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return {
    api,
    backend: {
      name: tf.getBackend(),
      simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
      threads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
      versions: Object.fromEntries(PACKAGES.map((name) => [name, version(name)])) as FaceApiBackend['versions'],
    },
  };
}
