/**
 * Alignment templates: where chosen facial points must land in the embedder's input chip.
 * Coordinates are continuous pixels (the first pixel's centre is at 0.5), in both image and chip.
 */
import type { Point } from '../geometry/similarity.js';
import { KEYPOINT } from '../detect/detection.js';
import { DLIB_ALIGNMENT_LANDMARKS, IBUG, meanAt, meanFacePoint, meanOf } from './mean-face.js';

/** Facial points known for one face: always BlazeFace's six, and the 68 landmarks when that model ran. */
export interface FacePoints {
  keypoints: readonly Point[];
  landmarks68?: readonly Point[];
}

export interface AlignmentTemplate {
  /** Chip side, in pixels. */
  size: number;
  /** Template points in the chip. */
  targets: readonly Point[];
  /** The matching points on a face, or undefined when the face lacks what the template needs. */
  pick(face: FacePoints): Point[] | undefined;
}

export type TemplateName = 'dlib' | 'arcface';

export interface TemplateSpec {
  name: TemplateName;
  size: number;
  /** dlib only: the margin around the mean face, as a fraction of its size (dlib's face recogniser: 0.25). */
  padding?: number;
}

function dlibUnitToChip(p: Point, size: number, padding: number): Point {
  // dlib places integer coordinates on pixel centres; ours sit at +0.5.
  return [((padding + p[0]) / (2 * padding + 1)) * size + 0.5, ((padding + p[1]) / (2 * padding + 1)) * size + 0.5];
}

/** dlib's get_face_chip_details from 68 landmarks: the chips dlib's ResNet was trained on. */
export function dlibTemplate(size: number, padding: number): AlignmentTemplate {
  return {
    size,
    targets: DLIB_ALIGNMENT_LANDMARKS.map((i) => dlibUnitToChip(meanFacePoint(i), size, padding)),
    pick: (face) => face.landmarks68 && DLIB_ALIGNMENT_LANDMARKS.map((i) => face.landmarks68![i]),
  };
}

/** BlazeFace's four central keypoints, for a template that has to make do without landmarks. */
function centralKeypoints(face: FacePoints): Point[] {
  return [KEYPOINT.rightEye, KEYPOINT.leftEye, KEYPOINT.noseTip, KEYPOINT.mouth].map((k) => face.keypoints[k]);
}

/**
 * The same chip from BlazeFace's keypoints alone (eyes, nose tip, mouth centre), for when no
 * landmark model runs: their places on dlib's mean face are the mean-face groups they stand for.
 */
export function dlibTemplateFromKeypoints(size: number, padding: number): AlignmentTemplate {
  const groups = [IBUG.rightEye, IBUG.leftEye, IBUG.noseTip, IBUG.mouthInner];
  return { size, targets: groups.map((g) => dlibUnitToChip(meanOf(g), size, padding)), pick: centralKeypoints };
}

/** InsightFace's ArcFace template (112x112: eye centres, nose tip, mouth corners), scaled to `size`. */
const ARCFACE_112: readonly Point[] = [
  [38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366], [41.5493, 92.3655], [70.7299, 92.2041],
];

export function arcfaceTemplate(size: number): AlignmentTemplate {
  const k = size / 112;
  return {
    size,
    targets: ARCFACE_112.map(([x, y]) => [x * k, y * k] as const),
    pick: (face) => face.landmarks68 && [
      meanAt(face.landmarks68, IBUG.rightEye), meanAt(face.landmarks68, IBUG.leftEye),
      meanAt(face.landmarks68, IBUG.noseTip), meanAt(face.landmarks68, IBUG.mouthRightCorner),
      meanAt(face.landmarks68, IBUG.mouthLeftCorner),
    ],
  };
}

/** ArcFace's template from BlazeFace's keypoints: the mouth centre lands between the two corners. */
export function arcfaceTemplateFromKeypoints(size: number): AlignmentTemplate {
  const k = size / 112;
  const [re, le, nose, mr, ml] = ARCFACE_112;
  const targets: Point[] = [re, le, nose, [(mr[0] + ml[0]) / 2, (mr[1] + ml[1]) / 2]];
  return { size, targets: targets.map(([x, y]) => [x * k, y * k] as const), pick: centralKeypoints };
}

/** The templates for an embedder, best first: from the 68 landmarks, then from keypoints alone. */
export function alignmentTemplates(spec: TemplateSpec): AlignmentTemplate[] {
  return spec.name === 'dlib'
    ? [dlibTemplate(spec.size, spec.padding ?? 0.25), dlibTemplateFromKeypoints(spec.size, spec.padding ?? 0.25)]
    : [arcfaceTemplate(spec.size), arcfaceTemplateFromKeypoints(spec.size)];
}
