/**
 * Piecewise-affine warping: a raster drawn through a triangle mesh whose points moved. Each
 * triangle of the moved mesh is filled from the same triangle of the original, through the affine
 * map between the two (bilinear sampling). This is how a face in a photo is made to turn: its
 * landmarks move as a head would move them, and the skin between them follows.
 */
import type { RgbRaster } from './scene.js';
import type { P2 } from './homography.js';
import type { Triangle } from './delaunay.js';

export interface Window {
  /** Where the output's top-left pixel sits in the mesh's coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The output window of `source` warped so that mesh point i moves from `from[i]` to `to[i]`.
 * Pixels the moved mesh does not cover are copied unwarped (the mesh should cover the window).
 */
export function warpMesh(
  source: RgbRaster,
  from: readonly P2[],
  to: readonly P2[],
  triangles: readonly Triangle[],
  window: Window,
): Float32Array {
  const { rgb: out, covered } = warpTriangles(source, from, to, triangles, window);
  for (let i = 0; i < covered.length; i++) {
    if (covered[i]) continue;
    const u = (i % window.width) + window.x + 0.5;
    const v = Math.floor(i / window.width) + window.y + 0.5;
    sampleInto(source, u, v, out, i * 3);
  }
  return out;
}

/** Only the pixels the moved triangles cover (`covered` is 1 there; elsewhere the output is 0). */
export function warpTriangles(
  source: RgbRaster,
  from: readonly P2[],
  to: readonly P2[],
  triangles: readonly Triangle[],
  window: Window,
): { rgb: Float32Array; covered: Uint8Array } {
  const rgb = new Float32Array(window.width * window.height * 3);
  const covered = new Uint8Array(window.width * window.height);
  for (const [a, b, c] of triangles) {
    const map = affineBetween([to[a], to[b], to[c]], [from[a], from[b], from[c]]);
    if (map) fillTriangle(source, [to[a], to[b], to[c]], map, window, rgb, covered);
  }
  return { rgb, covered };
}

/** [a, b, c, d, e, f]: x' = a x + b y + c, y' = d x + e y + f; undefined for a degenerate triangle. */
type Affine = [number, number, number, number, number, number];

function affineBetween(from: readonly P2[], to: readonly P2[]): Affine | undefined {
  const [[x0, y0], [x1, y1], [x2, y2]] = from as [P2, P2, P2];
  const det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (Math.abs(det) < 1e-9) return undefined;
  const solve = (v0: number, v1: number, v2: number): [number, number, number] => {
    const a = ((v1 - v0) * (y2 - y0) - (v2 - v0) * (y1 - y0)) / det;
    const b = ((x1 - x0) * (v2 - v0) - (x2 - x0) * (v1 - v0)) / det;
    return [a, b, v0 - a * x0 - b * y0];
  };
  const [[u0, w0], [u1, w1], [u2, w2]] = to as [P2, P2, P2];
  return [...solve(u0, u1, u2), ...solve(w0, w1, w2)];
}

function fillTriangle(
  source: RgbRaster,
  tri: readonly P2[],
  m: Affine,
  window: Window,
  out: Float32Array,
  covered: Uint8Array,
): void {
  const [[ax, ay], [bx, by], [cx, cy]] = tri as [P2, P2, P2];
  const area = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
  if (Math.abs(area) < 1e-9) return;
  const minU = Math.max(0, Math.floor(Math.min(ax, bx, cx) - window.x));
  const maxU = Math.min(window.width - 1, Math.ceil(Math.max(ax, bx, cx) - window.x));
  const minV = Math.max(0, Math.floor(Math.min(ay, by, cy) - window.y));
  const maxV = Math.min(window.height - 1, Math.ceil(Math.max(ay, by, cy) - window.y));
  const eps = -1e-6 * Math.abs(area);
  for (let v = minV; v <= maxV; v++) {
    const py = v + window.y + 0.5;
    for (let u = minU; u <= maxU; u++) {
      const index = v * window.width + u;
      if (covered[index]) continue;
      const px = u + window.x + 0.5;
      // Barycentric signs, each edge against the triangle's orientation.
      const w0 = ((bx - px) * (cy - py) - (cx - px) * (by - py)) * Math.sign(area);
      const w1 = ((cx - px) * (ay - py) - (ax - px) * (cy - py)) * Math.sign(area);
      const w2 = ((ax - px) * (by - py) - (bx - px) * (ay - py)) * Math.sign(area);
      if (w0 < eps || w1 < eps || w2 < eps) continue;
      sampleInto(source, m[0] * px + m[1] * py + m[2], m[3] * px + m[4] * py + m[5], out, index * 3);
      covered[index] = 1;
    }
  }
}

/** Bilinear sample at (x, y) (pixel centres at +0.5), clamped to the raster's edge. */
function sampleInto(source: RgbRaster, x: number, y: number, out: Float32Array, o: number): void {
  const { width, height, data } = source;
  const sx = Math.min(width - 1.001, Math.max(0, x - 0.5));
  const sy = Math.min(height - 1.001, Math.max(0, y - 0.5));
  const x0 = Math.floor(sx),
    y0 = Math.floor(sy);
  const fx = sx - x0,
    fy = sy - y0;
  const p = (y0 * width + x0) * 3;
  const q = p + width * 3;
  for (let c = 0; c < 3; c++) {
    out[o + c] =
      (data[p + c] * (1 - fx) + data[p + 3 + c] * fx) * (1 - fy) + (data[q + c] * (1 - fx) + data[q + 3 + c] * fx) * fy;
  }
}
