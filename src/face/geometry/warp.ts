/**
 * Resampling an RGB raster through a similarity transform: the one routine behind the detector's
 * letterbox, the landmark crop and the aligned face chip.
 *
 * Shrinking needs a low-pass filter first, or a face shrunk 3x aliases into a grainy chip. Where
 * the output is at least twice smaller than its footprint, the footprint is first averaged down by a
 * whole factor (a box filter: each new pixel the mean of f x f old ones); the rest is bilinear
 * sampling, k x k samples per output pixel for the remaining shrink. Samples outside the source are black,
 * which is also what the letterbox padding wants.
 */
import type { RgbImage } from '../image.js';
import { applySimilarity, similarityScale, type Similarity } from './similarity.js';

export interface WarpOptions {
  /** Largest number of bilinear samples per axis and output pixel. 1: plain bilinear, no filtering at all. */
  maxSupersample?: number;
  /**
   * Where to write the result (width x height x 3 floats), instead of a new array: for a caller
   * that reads it before it next warps. A fresh array of a chip's size is fresh memory from the
   * system (glibc maps blocks above 128 kB anew each time), and its page faults, several per frame
   * in each face worker at once, slowed the workers down by a fifth here.
   */
  into?: Float32Array;
}

/**
 * @param toSource maps output pixel coordinates (pixel centres at +0.5) to source pixel coordinates.
 * @returns interleaved RGB floats in [0, 255], row-major, width x height.
 */
export function warpRgb(
  source: RgbImage,
  toSource: Similarity,
  width: number,
  height: number,
  options: WarpOptions = {},
): Float32Array {
  const maxSupersample = options.maxSupersample ?? 2;
  const scale = similarityScale(toSource);
  const factor = maxSupersample > 1 && scale >= 2 ? Math.floor(scale) : 1;
  if (factor >= 2) {
    const { image, origin } = shrinkFootprint(source, toSource, width, height, factor);
    const local: Similarity = {
      a: toSource.a / factor,
      b: toSource.b / factor,
      tx: (toSource.tx - origin[0]) / factor,
      ty: (toSource.ty - origin[1]) / factor,
    };
    return sample(
      image,
      local,
      width,
      height,
      samplesPerAxis(scale / factor, maxSupersample),
      output(options, width, height),
    );
  }
  return sample(source, toSource, width, height, samplesPerAxis(scale, maxSupersample), output(options, width, height));
}

function output(options: WarpOptions, width: number, height: number): Float32Array {
  if (!options.into) return new Float32Array(width * height * 3);
  if (options.into.length !== width * height * 3)
    throw new Error(`warpRgb: ${options.into.length} floats to write a ${width}x${height} result into`);
  return options.into;
}

/**
 * The footprint averaged down, read only by the warp that made it (synchronously, before it
 * returns): one buffer serves every warp of the thread, grown as needed (see WarpOptions.into).
 */
let footprintBuffer = new Uint8Array(0);

/** A block row's sums in averageBlocks, kept as footprintBuffer is. */
let sumBuffer = new Int32Array(0);

function sumScratch(length: number): Int32Array {
  if (sumBuffer.length < length) sumBuffer = new Int32Array(length);
  return sumBuffer.subarray(0, length);
}

function footprintScratch(bytes: number): Uint8Array {
  if (footprintBuffer.length < bytes) footprintBuffer = new Uint8Array(bytes);
  return footprintBuffer.subarray(0, bytes);
}

/** Bilinear sampling alone is fine down to a shrink of 1.5; beyond, spread more samples. */
function samplesPerAxis(shrink: number, max: number): number {
  return Math.max(1, Math.min(max, Math.round(shrink)));
}

/** The part of the source the output covers, averaged down by `factor`, and where it starts in the source. */
function shrinkFootprint(
  source: RgbImage,
  toSource: Similarity,
  width: number,
  height: number,
  factor: number,
): { image: RgbImage; origin: [number, number] } {
  const corners = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ].map((p) => applySimilarity(toSource, p as [number, number]));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  // One block of margin for the bilinear taps at the edges; whole blocks, inside the source.
  const x0 = Math.max(0, Math.floor(Math.min(...xs) / factor - 1) * factor);
  const y0 = Math.max(0, Math.floor(Math.min(...ys) / factor - 1) * factor);
  const x1 = Math.min(source.width, Math.ceil(Math.max(...xs) / factor + 1) * factor);
  const y1 = Math.min(source.height, Math.ceil(Math.max(...ys) / factor + 1) * factor);
  const w = Math.max(0, Math.floor((x1 - x0) / factor));
  const h = Math.max(0, Math.floor((y1 - y0) / factor));
  const data = footprintScratch(w * h * 3);
  if (factor === 2) halveBlocks(source, x0, y0, w, h, data);
  else averageBlocks(source, x0, y0, w, h, factor, data);
  return { image: { width: w, height: h, data }, origin: [x0, y0] };
}

/** Blocks of factor x factor source pixels from (x0, y0), w x h of them, each averaged into a pixel of `data`. */
function averageBlocks(
  source: RgbImage,
  x0: number,
  y0: number,
  w: number,
  h: number,
  factor: number,
  data: Uint8Array,
): void {
  const src = source.data;
  const rowStride = source.width * 3;
  const sums = sumScratch(w * 3);
  const inv = 1 / (factor * factor);
  for (let by = 0; by < h; by++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let p = (y0 + by * factor + dy) * rowStride + x0 * 3;
      for (let bx = 0, s = 0; bx < w; bx++, s += 3) {
        let r = 0,
          g = 0,
          b = 0;
        for (let dx = 0; dx < factor; dx++, p += 3) {
          r += src[p];
          g += src[p + 1];
          b += src[p + 2];
        }
        sums[s] += r;
        sums[s + 1] += g;
        sums[s + 2] += b;
      }
    }
    const o = by * w * 3;
    for (let i = 0; i < w * 3; i++) data[o + i] = Math.round(sums[i] * inv);
  }
}

/**
 * averageBlocks for 2 x 2 blocks (most chips' shrink), each block's four pixels read at once: the
 * general loop spent more on its bookkeeping than on the sums there. The same whole sums, so the
 * same pixels.
 */
function halveBlocks(source: RgbImage, x0: number, y0: number, w: number, h: number, data: Uint8Array): void {
  const src = source.data;
  const rowStride = source.width * 3;
  let o = 0;
  for (let by = 0; by < h; by++) {
    let p = (y0 + 2 * by) * rowStride + x0 * 3;
    for (let bx = 0; bx < w; bx++, p += 6) {
      const q = p + rowStride;
      data[o++] = Math.round((src[p] + src[p + 3] + src[q] + src[q + 3]) * 0.25);
      data[o++] = Math.round((src[p + 1] + src[p + 4] + src[q + 1] + src[q + 4]) * 0.25);
      data[o++] = Math.round((src[p + 2] + src[p + 5] + src[q + 2] + src[q + 5]) * 0.25);
    }
  }
}

/** (i + 0.5) / k for each of k samples along an axis, by k (a warp asks for 1 to 3). */
const offsetsByCount = new Map<number, Float64Array>();

function samplingOffsets(k: number): Float64Array {
  let offsets = offsetsByCount.get(k);
  if (!offsets) {
    offsets = Float64Array.from({ length: k }, (_, i) => (i + 0.5) / k);
    offsetsByCount.set(k, offsets);
  }
  return offsets;
}

/** k x k bilinear samples per output pixel, spread over its footprint. */
function sample(
  source: RgbImage,
  toSource: Similarity,
  width: number,
  height: number,
  k: number,
  out: Float32Array,
): Float32Array {
  const { a, b, tx, ty } = toSource;
  const src = source.data;
  const sw = source.width;
  const sh = source.height;
  const inv = 1 / (k * k);
  // Where the samples sit in an output pixel, divided once rather than at every sample.
  const offsets = samplingOffsets(k);
  let o = 0;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      let r = 0,
        g = 0,
        bl = 0;
      for (let j = 0; j < k; j++) {
        const y = v + offsets[j]!;
        for (let i = 0; i < k; i++) {
          const x = u + offsets[i]!;
          // Source pixel centres sit at integer + 0.5: shift to sample between them.
          const sx = a * x - b * y + tx - 0.5;
          const sy = b * x + a * y + ty - 0.5;
          const x0 = Math.floor(sx);
          const y0 = Math.floor(sy);
          if (x0 < -1 || y0 < -1 || x0 >= sw || y0 >= sh) continue;
          const fx = sx - x0;
          const fy = sy - y0;
          const p00 = (y0 * sw + x0) * 3;
          const p01 = p00 + sw * 3;
          if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
            const top = 1 - fy;
            r += (src[p00] * (1 - fx) + src[p00 + 3] * fx) * top + (src[p01] * (1 - fx) + src[p01 + 3] * fx) * fy;
            g +=
              (src[p00 + 1] * (1 - fx) + src[p00 + 4] * fx) * top + (src[p01 + 1] * (1 - fx) + src[p01 + 4] * fx) * fy;
            bl +=
              (src[p00 + 2] * (1 - fx) + src[p00 + 5] * fx) * top + (src[p01 + 2] * (1 - fx) + src[p01 + 5] * fx) * fy;
            continue;
          }
          // On the border: only the corners inside the source contribute.
          const w00 = (1 - fx) * (1 - fy),
            w10 = fx * (1 - fy),
            w01 = (1 - fx) * fy,
            w11 = fx * fy;
          const inX0 = x0 >= 0,
            inX1 = x0 + 1 < sw,
            inY0 = y0 >= 0,
            inY1 = y0 + 1 < sh;
          if (inY0 && inX0) {
            r += src[p00] * w00;
            g += src[p00 + 1] * w00;
            bl += src[p00 + 2] * w00;
          }
          if (inY0 && inX1) {
            r += src[p00 + 3] * w10;
            g += src[p00 + 4] * w10;
            bl += src[p00 + 5] * w10;
          }
          if (inY1 && inX0) {
            r += src[p01] * w01;
            g += src[p01 + 1] * w01;
            bl += src[p01 + 2] * w01;
          }
          if (inY1 && inX1) {
            r += src[p01 + 3] * w11;
            g += src[p01 + 4] * w11;
            bl += src[p01 + 5] * w11;
          }
        }
      }
      out[o++] = r * inv;
      out[o++] = g * inv;
      out[o++] = bl * inv;
    }
  }
  return out;
}
