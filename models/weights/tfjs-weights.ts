/**
 * Reads TensorFlow.js weight files (a `*-weights_manifest.json` and its `.bin` shards) into float32
 * tensors, decoding them exactly as tfjs-core's io.decodeWeights does, so our ONNX initializers hold
 * the very numbers face-api computes with:
 *   - a quantized entry stores one uint8 (or uint16) q per value: value = q * scale + min, computed in
 *     double precision and then stored as float32 (tfjs writes it into a Float32Array);
 *   - an entry without `quantization` stores raw little-endian float32 values.
 * The shards of a group are concatenated and the entries follow one another in manifest order.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface WeightTensor {
  /** tfjs layout: convolution filters are [height, width, in, out]. */
  shape: number[];
  values: Float32Array;
}

export type WeightMap = ReadonlyMap<string, WeightTensor>;

interface WeightEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale: number; min: number };
}

interface WeightGroup {
  paths: string[];
  weights: WeightEntry[];
}

const QUANTIZED_BYTES: Record<string, number> = { uint8: 1, uint16: 2 };

export function readTfjsWeights(manifestPath: string): WeightMap {
  const groups = JSON.parse(readFileSync(manifestPath, 'utf8')) as WeightGroup[];
  const weights = new Map<string, WeightTensor>();
  for (const group of groups) {
    const bytes = Buffer.concat(group.paths.map((p) => readFileSync(join(dirname(manifestPath), p))));
    let offset = 0;
    for (const entry of group.weights) {
      const { values, byteLength } = decodeEntry(entry, bytes, offset, manifestPath);
      weights.set(entry.name, { shape: entry.shape, values });
      offset += byteLength;
    }
    if (offset !== bytes.length) {
      throw new Error(`${manifestPath}: the weight files hold ${bytes.length} bytes but the entries use ${offset}`);
    }
  }
  return weights;
}

function decodeEntry(entry: WeightEntry, bytes: Buffer, offset: number, source: string) {
  if (entry.dtype !== 'float32')
    throw new Error(`${source}: weight ${entry.name} has dtype ${entry.dtype}; only float32 is supported`);
  const count = entry.shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(count);
  const q = entry.quantization;
  if (!q) {
    for (let i = 0; i < count; i++) values[i] = bytes.readFloatLE(offset + i * 4);
    return { values, byteLength: count * 4 };
  }
  const width = QUANTIZED_BYTES[q.dtype];
  if (!width)
    throw new Error(
      `${source}: weight ${entry.name} uses quantization ${q.dtype}; only uint8 and uint16 are supported`,
    );
  for (let i = 0; i < count; i++) {
    const quantized = width === 1 ? bytes[offset + i] : bytes.readUInt16LE(offset + i * 2);
    values[i] = quantized * q.scale + q.min;
  }
  return { values, byteLength: count * width };
}

/** Looks a tensor up and checks its shape, so a renamed or reshaped weight fails loudly. */
export function weight(weights: WeightMap, name: string, shape: readonly number[]): WeightTensor {
  const tensor = weights.get(name);
  if (!tensor) throw new Error(`weight ${name} is missing`);
  if (tensor.shape.join(',') !== shape.join(',')) {
    throw new Error(`weight ${name} has shape [${tensor.shape}], expected [${shape}]`);
  }
  return tensor;
}
