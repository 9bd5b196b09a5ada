import type { Point } from '../geometry/similarity.js';

/** BlazeFace keypoint order (the subject's right eye is on the image's left). */
export const KEYPOINT = {
  rightEye: 0,
  leftEye: 1,
  noseTip: 2,
  mouth: 3,
  rightEarTragion: 4,
  leftEarTragion: 5,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A face found in an image, in that image's pixel coordinates. */
export interface Detection {
  box: Box;
  score: number;
  /** The six BlazeFace keypoints, in KEYPOINT order. */
  keypoints: Point[];
}

export function eyeDistance(d: Detection): number {
  const r = d.keypoints[KEYPOINT.rightEye];
  const l = d.keypoints[KEYPOINT.leftEye];
  return Math.hypot(l[0] - r[0], l[1] - r[1]);
}

export function intersectionOverUnion(a: Box, b: Box): number {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  const inner = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a.width * a.height + b.width * b.height - inner;
  return union > 0 ? inner / union : 0;
}
