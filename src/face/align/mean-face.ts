/**
 * dlib's mean face shape: the average positions of the iBUG 68 landmarks 17 to 67, in a unit square
 * (from dlib's get_face_chip_details, which aligned the chips its ResNet was trained on).
 */
import type { Point } from '../geometry/similarity.js';

const X = [
  0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124, 0.904991, 0.98004, 0.490127,
  0.490127, 0.490127, 0.490127, 0.36688, 0.426036, 0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606,
  0.260918, 0.182743, 0.645647, 0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149, 0.340985, 0.428858, 0.490127,
  0.551395, 0.639268, 0.726104, 0.642159, 0.556721, 0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127,
  0.552157, 0.689874, 0.553364, 0.490127, 0.42689,
];
const Y = [
  0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891, 0.0187482, 0.038915, 0.106454, 0.203352,
  0.307009, 0.409805, 0.515625, 0.587326, 0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852,
  0.231733, 0.245099, 0.244077, 0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099, 0.780233, 0.745405,
  0.727388, 0.742578, 0.727388, 0.745405, 0.780233, 0.864805, 0.902192, 0.909281, 0.902192, 0.864805, 0.784792,
  0.778746, 0.785343, 0.778746, 0.784792, 0.824182, 0.831803, 0.824182,
];

/** Mean position of iBUG landmark `index` (17..67) in the unit square. */
export function meanFacePoint(index: number): Point {
  if (index < 17 || index > 67) throw new RangeError(`dlib's mean face has landmarks 17..67, not ${index}`);
  return [X[index - 17], Y[index - 17]];
}

export function meanOf(indices: readonly number[]): Point {
  let x = 0,
    y = 0;
  for (const i of indices) {
    const [px, py] = meanFacePoint(i);
    x += px;
    y += py;
  }
  return [x / indices.length, y / indices.length];
}

/** The landmarks dlib aligns on: eyes, nose, outer and inner upper mouth (no eyebrows, no lower lip). */
export const DLIB_ALIGNMENT_LANDMARKS: readonly number[] = Array.from({ length: 51 }, (_, i) => i + 17).filter(
  (i) => !(i >= 17 && i <= 26) && !(i >= 55 && i <= 59) && !(i >= 65 && i <= 67),
);

/** The mean of `points` at `indices` (a group of 68 landmarks, as one point). */
export function meanAt(points: readonly Point[], indices: readonly number[]): Point {
  let x = 0,
    y = 0;
  for (const i of indices) {
    x += points[i][0];
    y += points[i][1];
  }
  return [x / indices.length, y / indices.length];
}

/** iBUG 68 groups used to derive coarser points. */
export const IBUG = {
  rightEye: [36, 37, 38, 39, 40, 41],
  leftEye: [42, 43, 44, 45, 46, 47],
  noseTip: [30],
  mouthInner: [60, 61, 62, 63, 64, 65, 66, 67],
  mouthRightCorner: [48],
  mouthLeftCorner: [54],
} as const;
