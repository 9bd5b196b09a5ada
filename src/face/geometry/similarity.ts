/**
 * 2-D similarity transforms (rotation, uniform scale, translation), fitted by least squares.
 * x' = a*x - b*y + tx,  y' = b*x + a*y + ty; scale = hypot(a, b), angle = atan2(b, a).
 */
export type Point = readonly [number, number];

export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/** The similarity that best maps `from[i]` onto `to[i]` (Umeyama's closed form, reflections excluded). */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): Similarity {
  if (from.length !== to.length || from.length < 2) {
    throw new Error(`fitSimilarity needs two equal lists of at least 2 points, got ${from.length} and ${to.length}`);
  }
  const n = from.length;
  let fx = 0,
    fy = 0,
    gx = 0,
    gy = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i][0];
    fy += from[i][1];
    gx += to[i][0];
    gy += to[i][1];
  }
  fx /= n;
  fy /= n;
  gx /= n;
  gy /= n;
  let dot = 0,
    cross = 0,
    norm = 0;
  for (let i = 0; i < n; i++) {
    const px = from[i][0] - fx,
      py = from[i][1] - fy;
    const qx = to[i][0] - gx,
      qy = to[i][1] - gy;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (norm === 0) throw new Error('fitSimilarity: all source points coincide');
  const a = dot / norm;
  const b = cross / norm;
  return { a, b, tx: gx - (a * fx - b * fy), ty: gy - (b * fx + a * fy) };
}

export function applySimilarity(t: Similarity, p: Point): [number, number] {
  return [t.a * p[0] - t.b * p[1] + t.tx, t.b * p[0] + t.a * p[1] + t.ty];
}

export function similarityScale(t: Similarity): number {
  return Math.hypot(t.a, t.b);
}
