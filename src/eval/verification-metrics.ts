/**
 * Verification metrics over distances: smaller means "more likely the same person". A pair whose
 * image had no detectable face carries distance Infinity: it is never accepted, so it counts
 * against genuine pairs and for impostor pairs, as a deployed system would treat it.
 */

/** Ascending copy, for the searches below. */
export function sorted(distances: ArrayLike<number>): Float64Array {
  return Float64Array.from(distances).sort();
}

/** How many of the ascending values are <= t. */
export function countAtMost(ascending: Float64Array, t: number): number {
  let lo = 0,
    hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ascending[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function accuracyAt(genuine: Float64Array, impostor: Float64Array, t: number): number {
  const correct = countAtMost(genuine, t) + (impostor.length - countAtMost(impostor, t));
  return correct / (genuine.length + impostor.length);
}

/** The threshold that classifies these pairs best (midway between neighbouring distances). */
export function bestThreshold(genuine: Float64Array, impostor: Float64Array): number {
  const candidates = sorted([...genuine, ...impostor].filter(Number.isFinite));
  let best = { t: 0, accuracy: -1 };
  for (let i = 0; i < candidates.length; i++) {
    const t = i + 1 < candidates.length ? (candidates[i] + candidates[i + 1]) / 2 : candidates[i];
    const accuracy = accuracyAt(genuine, impostor, t);
    if (accuracy > best.accuracy) best = { t, accuracy };
  }
  return best.t;
}

export interface FoldedPair {
  fold: number;
  genuine: boolean;
  distance: number;
}

/** k-fold accuracy: each fold is scored at the threshold chosen on all the other folds. */
export function foldAccuracy(
  pairs: readonly FoldedPair[],
  folds: number,
): { mean: number; std: number; perFold: number[]; thresholds: number[] } {
  const perFold: number[] = [];
  const thresholds: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train = pairs.filter((p) => p.fold !== f);
    const test = pairs.filter((p) => p.fold === f);
    const t = bestThreshold(
      sorted(train.filter((p) => p.genuine).map((p) => p.distance)),
      sorted(train.filter((p) => !p.genuine).map((p) => p.distance)),
    );
    thresholds.push(t);
    perFold.push(
      accuracyAt(
        sorted(test.filter((p) => p.genuine).map((p) => p.distance)),
        sorted(test.filter((p) => !p.genuine).map((p) => p.distance)),
        t,
      ),
    );
  }
  const mean = perFold.reduce((s, a) => s + a, 0) / folds;
  const std = Math.sqrt(perFold.reduce((s, a) => s + (a - mean) ** 2, 0) / folds);
  return { mean, std, perFold, thresholds };
}

/**
 * The largest threshold at which at most `far` of the impostors are accepted, and the share of
 * genuine pairs accepted there. `null` when there are too few impostors to measure that rate.
 */
export function tarAtFar(
  genuine: Float64Array,
  impostor: Float64Array,
  far: number,
): { tar: number; threshold: number } | null {
  if (impostor.length * far < 1) return null;
  const allowed = Math.floor(far * impostor.length);
  // Accept strictly below the (allowed+1)-th smallest impostor distance.
  const limit = impostor[allowed];
  const threshold = Number.isFinite(limit) ? Math.max(0, nextBelow(limit)) : Infinity;
  return { tar: countAtMost(genuine, threshold) / genuine.length, threshold };
}

function nextBelow(x: number): number {
  return x - Math.max(Math.abs(x) * 1e-12, Number.MIN_VALUE);
}

/** Equal error rate: where false accepts and false rejects balance, interpolated on the ROC. */
export function equalErrorRate(genuine: Float64Array, impostor: Float64Array): number {
  const candidates = sorted([...genuine, ...impostor].filter(Number.isFinite));
  let previous = { far: 0, frr: 1 };
  for (const t of candidates) {
    const far = countAtMost(impostor, t) / impostor.length;
    const frr = 1 - countAtMost(genuine, t) / genuine.length;
    if (far >= frr) {
      // Interpolate between the previous point and this one where far - frr crosses zero.
      const d0 = previous.frr - previous.far;
      const d1 = frr - far;
      const w = d0 - d1 === 0 ? 0 : d0 / (d0 - d1);
      return previous.far + w * (far - previous.far);
    }
    previous = { far, frr };
  }
  return 1;
}
