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
  /** Bilinear samples per chip pixel and axis at most, when the face is shrunk into the chip. */
  supersample: number;
  /** Template points in the chip. */
  targets: readonly Point[];
  /** The matching points on a face, or undefined when the face lacks what the template needs. */
  pick(face: FacePoints): Point[] | undefined;
}

export type TemplateName = 'dlib' | 'arcface';

/**
 * Which points the chip is fitted to: the 68 landmarks' points, BlazeFace's four central keypoints,
 * or both at once (one least-squares fit over the two sets, so each one's noise is averaged out).
 */
export type AlignmentPoints = 'landmarks' | 'keypoints' | 'combined';

export interface TemplateSpec {
  name: TemplateName;
  size: number;
  /** dlib only: the margin around the mean face, as a fraction of its size (dlib's face recogniser: 0.25). */
  padding?: number;
  /** Default 'landmarks'; whatever is chosen, a face without landmarks falls back to its keypoints. */
  points?: AlignmentPoints;
  /** Bilinear samples per chip pixel and axis at most (see warpRgb): 1 is plain bilinear; default 2. */
  supersample?: number;
}

function dlibUnitToChip(p: Point, size: number, padding: number): Point {
  // dlib places integer coordinates on pixel centres; ours sit at +0.5.
  return [((padding + p[0]) / (2 * padding + 1)) * size + 0.5, ((padding + p[1]) / (2 * padding + 1)) * size + 0.5];
}

/** Points of a face and where they go in the chip: a template before its size and sampling are set. */
type PointSet = Pick<AlignmentTemplate, 'targets' | 'pick'>;

/** dlib's get_face_chip_details from 68 landmarks: the chips dlib's ResNet was trained on. */
function dlibLandmarkPoints(size: number, padding: number): PointSet {
  return {
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
function dlibKeypointPoints(size: number, padding: number): PointSet {
  const groups = [IBUG.rightEye, IBUG.leftEye, IBUG.noseTip, IBUG.mouthInner];
  return { targets: groups.map((g) => dlibUnitToChip(meanOf(g), size, padding)), pick: centralKeypoints };
}

/** InsightFace's ArcFace template (112x112: eye centres, nose tip, mouth corners), scaled to `size`. */
const ARCFACE_112: readonly Point[] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];

function arcfaceLandmarkPoints(size: number): PointSet {
  const k = size / 112;
  return {
    targets: ARCFACE_112.map(([x, y]) => [x * k, y * k] as const),
    pick: (face) =>
      face.landmarks68 && [
        meanAt(face.landmarks68, IBUG.rightEye),
        meanAt(face.landmarks68, IBUG.leftEye),
        meanAt(face.landmarks68, IBUG.noseTip),
        meanAt(face.landmarks68, IBUG.mouthRightCorner),
        meanAt(face.landmarks68, IBUG.mouthLeftCorner),
      ],
  };
}

/** ArcFace's template from BlazeFace's keypoints: the mouth centre lands between the two corners. */
function arcfaceKeypointPoints(size: number): PointSet {
  const k = size / 112;
  const [re, le, nose, mr, ml] = ARCFACE_112;
  const targets: Point[] = [re, le, nose, [(mr[0] + ml[0]) / 2, (mr[1] + ml[1]) / 2]];
  return { targets: targets.map(([x, y]) => [x * k, y * k] as const), pick: centralKeypoints };
}

/** Both point sets in one fit; only for a face that has both. */
function combined(landmarks: PointSet, keypoints: PointSet): PointSet {
  return {
    targets: [...landmarks.targets, ...keypoints.targets],
    pick: (face) => {
      const fromLandmarks = landmarks.pick(face);
      return fromLandmarks && [...fromLandmarks, ...keypoints.pick(face)!];
    },
  };
}

/**
 * The templates for an embedder, best first: on the points the spec names, then (for a face the
 * landmark model did not run on) on the keypoints alone.
 */
export function alignmentTemplates(spec: TemplateSpec): AlignmentTemplate[] {
  const padding = spec.padding ?? 0.25;
  const [landmarks, keypoints] =
    spec.name === 'dlib'
      ? [dlibLandmarkPoints(spec.size, padding), dlibKeypointPoints(spec.size, padding)]
      : [arcfaceLandmarkPoints(spec.size), arcfaceKeypointPoints(spec.size)];
  const sets = {
    landmarks: [landmarks, keypoints],
    keypoints: [keypoints],
    combined: [combined(landmarks, keypoints), keypoints],
  }[spec.points ?? 'landmarks'];
  return sets.map((set) => ({ ...set, size: spec.size, supersample: spec.supersample ?? 2 }));
}
