import { expect } from 'chai';
import { warpRgb } from '../src/face/geometry/warp.js';
import { applySimilarity, similarityScale, type Similarity } from '../src/face/geometry/similarity.js';
import type { RgbImage } from '../src/face/image.js';

/**
 * The warp as the module's comment defines it, written for reading rather than speed: where the
 * output is at least twice smaller than its footprint, the footprint (whole blocks, one block of
 * margin, inside the source) averaged down by floor(scale), each block the rounded mean of its
 * pixels; then k x k bilinear samples per output pixel at (i + 0.5) / k, black outside the source.
 */
function referenceWarp(source: RgbImage, t: Similarity, width: number, height: number, max: number): Float32Array {
  const scale = similarityScale(t);
  const factor = max > 1 && scale >= 2 ? Math.floor(scale) : 1;
  let image = source;
  let local = t;
  if (factor >= 2) {
    const corners = [
      [0, 0],
      [width, 0],
      [0, height],
      [width, height],
    ].map((p) => applySimilarity(t, p as [number, number]));
    const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0])) / factor - 1) * factor);
    const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1])) / factor - 1) * factor);
    const x1 = Math.min(source.width, Math.ceil(Math.max(...corners.map((c) => c[0])) / factor + 1) * factor);
    const y1 = Math.min(source.height, Math.ceil(Math.max(...corners.map((c) => c[1])) / factor + 1) * factor);
    const w = Math.max(0, Math.floor((x1 - x0) / factor));
    const h = Math.max(0, Math.floor((y1 - y0) / factor));
    const data = new Uint8Array(w * h * 3);
    for (let by = 0; by < h; by++) {
      for (let bx = 0; bx < w; bx++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let dy = 0; dy < factor; dy++) {
            for (let dx = 0; dx < factor; dx++) {
              sum += source.data[((y0 + by * factor + dy) * source.width + x0 + bx * factor + dx) * 3 + c]!;
            }
          }
          data[(by * w + bx) * 3 + c] = Math.round(sum * (1 / (factor * factor)));
        }
      }
    }
    image = { width: w, height: h, data };
    local = { a: t.a / factor, b: t.b / factor, tx: (t.tx - x0) / factor, ty: (t.ty - y0) / factor };
  }
  const k = Math.max(1, Math.min(max, Math.round(scale / factor)));
  const at = (x: number, y: number, c: number) =>
    x < 0 || y < 0 || x >= image.width || y >= image.height ? 0 : image.data[(y * image.width + x) * 3 + c]!;
  const out = new Float32Array(width * height * 3);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const sum = [0, 0, 0];
      for (let j = 0; j < k; j++) {
        for (let i = 0; i < k; i++) {
          const x = u + (i + 0.5) / k;
          const y = v + (j + 0.5) / k;
          const sx = local.a * x - local.b * y + local.tx - 0.5;
          const sy = local.b * x + local.a * y + local.ty - 0.5;
          const x0 = Math.floor(sx);
          const y0 = Math.floor(sy);
          const fx = sx - x0;
          const fy = sy - y0;
          for (let c = 0; c < 3; c++) {
            sum[c] +=
              (at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx) * (1 - fy) +
              (at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx) * fy;
          }
        }
      }
      for (let c = 0; c < 3; c++) out[(v * width + u) * 3 + c] = sum[c]! * (1 / (k * k));
    }
  }
  return out;
}

function noise(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = Math.imul(i + 1, 2654435761) >>> 24;
  return { width, height, data };
}

describe('the warp behind the letterbox, the landmark crop and the face chips', () => {
  const image = noise(160, 120);
  // Shrinks of 0.6 to 6.5 (so footprints averaged by 2 to 6, and 1 to 3 samples per axis), turned,
  // inside the picture and across its edges.
  const cases: { scale: number; angle: number; x: number; y: number; size: number; max: number }[] = [];
  let seed = 11;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < 60; n++) {
    cases.push({
      scale: 0.6 + random() * 5.9,
      angle: (random() - 0.5) * 1.2,
      x: random() * 200 - 40,
      y: random() * 160 - 40,
      size: [16, 24, 31][n % 3]!,
      max: [1, 2, 3][n % 3]!,
    });
  }

  it('gives the reference warp to the bit: the blocks averaged by 2 and by other factors, and the samples', () => {
    const factors = new Set<number>();
    for (const { scale, angle, x, y, size, max } of cases) {
      const t: Similarity = { a: scale * Math.cos(angle), b: scale * Math.sin(angle), tx: x, ty: y };
      if (max > 1 && scale >= 2) factors.add(Math.floor(scale));
      const got = warpRgb(image, t, size, size, { maxSupersample: max });
      const want = referenceWarp(image, t, size, size, max);
      expect(
        Buffer.from(got.buffer).equals(Buffer.from(want.buffer)),
        `scale ${scale}, ${max} samples at most`,
      ).to.equal(true);
    }
    expect([...factors].sort()).to.include.members([2, 3, 4, 5, 6]);
  });

  it('writes into the buffer it is given, and refuses one of the wrong size', () => {
    const into = new Float32Array(24 * 24 * 3);
    const t: Similarity = { a: 2.2, b: 0.3, tx: 30, ty: 20 };
    expect(warpRgb(image, t, 24, 24, { into })).to.equal(into);
    expect(Buffer.from(into.buffer).equals(Buffer.from(referenceWarp(image, t, 24, 24, 2).buffer))).to.equal(true);
    expect(() => warpRgb(image, t, 24, 23, { into })).to.throw(/24x23/);
  });
});
