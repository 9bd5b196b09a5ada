/**
 * Head pose from landmarks, measured so that a flat picture cannot fake it.
 *
 * The nose tip sticks out of the face; the eyes and the mouth lie nearly in one plane. Write the
 * nose tip in the frame spanned by the eyes (x axis: right eye to left eye) and the mouth (y axis:
 * midpoint of the eyes to the mouth centre): N = O + x X + y Y. An affine transform of a flat
 * picture (moved, scaled, turned or tilted as a card, at a distance) leaves x and y unchanged,
 * because it maps the frame along with the points. A real head turning moves the protruding nose
 * across that frame: x follows yaw, y follows pitch.
 *
 * Signs, in the camera's (unmirrored) image: x > 0 when the head turns to the person's left,
 * x < 0 to their right; y smaller when they look up, larger when they look down.
 */
import { KEYPOINT } from '../detect/detection.js';
import type { Point } from '../geometry/similarity.js';
import { IBUG, meanAt } from '../align/mean-face.js';

export interface Pose {
  /** Nose tip across the face, in eye distances: yaw. */
  x: number;
  /** Nose tip down the face, in eye-to-mouth distances: pitch. */
  y: number;
}

const MOUTH_CORNERS = [...IBUG.mouthRightCorner, ...IBUG.mouthLeftCorner];

/** The pose from the 68 landmarks when they were found, else from BlazeFace's keypoints (coarser). */
export function facePose(face: { keypoints: readonly Point[]; landmarks68?: readonly Point[] }): Pose {
  const l68 = face.landmarks68;
  return l68
    ? poseOf(
        meanAt(l68, IBUG.rightEye),
        meanAt(l68, IBUG.leftEye),
        meanAt(l68, IBUG.noseTip),
        meanAt(l68, MOUTH_CORNERS),
      )
    : poseOf(
        face.keypoints[KEYPOINT.rightEye],
        face.keypoints[KEYPOINT.leftEye],
        face.keypoints[KEYPOINT.noseTip],
        face.keypoints[KEYPOINT.mouth],
      );
}

function poseOf(r: Point, l: Point, n: Point, m: Point): Pose {
  const o: Point = [(r[0] + l[0]) / 2, (r[1] + l[1]) / 2];
  const X = [l[0] - r[0], l[1] - r[1]];
  const Y = [m[0] - o[0], m[1] - o[1]];
  const d = [n[0] - o[0], n[1] - o[1]];
  // Solve d = x X + y Y.
  const det = X[0] * Y[1] - X[1] * Y[0];
  if (Math.abs(det) < 1e-9) return { x: 0, y: 0 };
  return {
    x: (d[0] * Y[1] - d[1] * Y[0]) / det,
    y: (X[0] * d[1] - X[1] * d[0]) / det,
  };
}
