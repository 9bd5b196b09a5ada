/**
 * MediaPipe's "weighted" non-maximum suppression: detections that overlap the best remaining one
 * are not thrown away but blended into it, weighted by score. It steadies boxes and keypoints
 * from frame to frame, which matters for alignment.
 */
import { intersectionOverUnion, type Detection } from './detection.js';

export function weightedNonMaxSuppression(detections: Detection[], iouThreshold = 0.3): Detection[] {
  const remaining = [...detections].sort((p, q) => q.score - p.score);
  const kept: Detection[] = [];
  while (remaining.length > 0) {
    const best = remaining[0];
    const cluster: Detection[] = [];
    const rest: Detection[] = [];
    for (const d of remaining) (intersectionOverUnion(best.box, d.box) >= iouThreshold ? cluster : rest).push(d);
    kept.push(blend(cluster, best.score));
    remaining.splice(0, remaining.length, ...rest);
  }
  return kept;
}

function blend(cluster: Detection[], score: number): Detection {
  let total = 0;
  let x = 0,
    y = 0,
    w = 0,
    h = 0;
  const keypoints = cluster[0].keypoints.map(() => [0, 0] as [number, number]);
  for (const d of cluster) {
    total += d.score;
    x += d.box.x * d.score;
    y += d.box.y * d.score;
    w += d.box.width * d.score;
    h += d.box.height * d.score;
    d.keypoints.forEach((p, i) => {
      keypoints[i][0] += p[0] * d.score;
      keypoints[i][1] += p[1] * d.score;
    });
  }
  return {
    box: { x: x / total, y: y / total, width: w / total, height: h / total },
    score,
    keypoints: keypoints.map(([px, py]) => [px / total, py / total] as const),
  };
}
