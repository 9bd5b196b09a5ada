/**
 * Delaunay triangulation of a point set (Bowyer-Watson): the mesh a face is warped through, frame
 * by frame, when a photo is animated into a head turn. A few hundred points at most, so the
 * quadratic algorithm is plenty.
 */
import type { P2 } from './homography.js';

export type Triangle = readonly [number, number, number];

export function triangulate(points: readonly P2[]): Triangle[] {
  const n = points.length;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const minX = Math.min(...xs),
    maxX = Math.max(...xs),
    minY = Math.min(...ys),
    maxY = Math.max(...ys);
  const span = Math.max(maxX - minX, maxY - minY) * 20 + 1;
  const cx = (minX + maxX) / 2,
    cy = (minY + maxY) / 2;
  // A super-triangle holding every point; its corners are indices n, n+1, n+2.
  const all: P2[] = [...points, [cx - span, cy - span], [cx + span, cy - span], [cx, cy + span]];
  let triangles: Triangle[] = [[n, n + 1, n + 2]];

  for (let i = 0; i < n; i++) {
    const p = all[i];
    const bad = triangles.filter((t) => inCircumcircle(all, t, p));
    // The hole's boundary: edges of bad triangles that no other bad triangle shares.
    const edges = new Map<string, [number, number]>();
    for (const [a, b, c] of bad) {
      for (const [u, v] of [
        [a, b],
        [b, c],
        [c, a],
      ] as const) {
        const key = u < v ? `${u},${v}` : `${v},${u}`;
        if (edges.has(key)) edges.delete(key);
        else edges.set(key, [u, v]);
      }
    }
    triangles = triangles.filter((t) => !bad.includes(t));
    for (const [u, v] of edges.values()) triangles.push([u, v, i]);
  }
  return triangles.filter((t) => t.every((k) => k < n));
}

function inCircumcircle(points: readonly P2[], [a, b, c]: Triangle, p: P2): boolean {
  const [ax, ay] = points[a],
    [bx, by] = points[b],
    [cx, cy] = points[c];
  const dx = ax - p[0],
    dy = ay - p[1];
  const ex = bx - p[0],
    ey = by - p[1];
  const fx = cx - p[0],
    fy = cy - p[1];
  const det =
    (dx * dx + dy * dy) * (ex * fy - ey * fx) -
    (ex * ex + ey * ey) * (dx * fy - dy * fx) +
    (fx * fx + fy * fy) * (dx * ey - dy * ex);
  // The sign depends on the triangle's orientation.
  const orientation = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return orientation > 0 ? det > 0 : det < 0;
}
