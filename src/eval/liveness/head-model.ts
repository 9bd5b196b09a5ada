/**
 * A generic head, in 3-D, hung on the 68 landmarks found in one photo, so that the photo's face can
 * be turned and tilted as a real head turns (for bona fide sequences, and for the attack that
 * animates a victim's photo the same way).
 *
 * The photo gives x and y; the depth comes from a rough model of our own: the face wraps around a
 * vertical cylinder (a jaw point near the ear lies about one eye distance behind the eyes), and the
 * nose, lips, brows and chin stand out of it by what anatomy tables give as typical (the nose tip
 * some 0.65 eye distances). Coordinates are in the face's own frame: origin between the eyes, x from
 * the right eye to the left eye, y down the face, z towards the camera, in eye distances. Points
 * beyond the landmarks (forehead, the head's outline, neck) let hair and shoulders follow a little.
 */
import type { Point } from '../../face/geometry/similarity.js';
import { IBUG, meanAt } from '../../face/align/mean-face.js';
import type { P2 } from './homography.js';

/** Radius of the cylinder the face wraps around, in eye distances. */
const HEAD_RADIUS = 1.35;

/** How far each landmark stands out of the cylinder (iBUG 68 numbering). */
function relief(index: number): number {
  if (index >= 6 && index <= 10) return [0.03, 0.07, 0.1, 0.07, 0.03][index - 6]; // chin
  if (index <= 16) return 0; // jaw line
  if (index <= 26) return 0.12; // brows
  if (index <= 30) return [0.22, 0.35, 0.5, 0.65][index - 27]; // nose bridge to tip
  if (index <= 35) return [0.28, 0.36, 0.42, 0.36, 0.28][index - 31]; // nostrils
  if (index <= 47) return 0; // eyes
  if (index === 48 || index === 54) return 0.05; // mouth corners
  if (index <= 59) return 0.15; // outer lips
  return 0.12; // inner lips
}

function cylinder(x: number): number {
  const clamped = Math.min(Math.abs(x), HEAD_RADIUS);
  return Math.sqrt(HEAD_RADIUS * HEAD_RADIUS - clamped * clamped) - HEAD_RADIUS;
}

type P3 = [number, number, number];

/** Where the head turns: yaw about the neck behind the face, pitch about the top of the neck. */
const YAW_AXIS_Z = -HEAD_RADIUS;
const PITCH_PIVOT: [number, number] = [1.6, -1.3];

export interface HeadPose {
  /** Degrees; positive turns the head to the person's left (the nose goes to the image's right). */
  yaw: number;
  /** Degrees; positive looks up. */
  pitch: number;
  /** Degrees, in the image plane. */
  roll: number;
  /** The whole head and shoulders moved, in eye distances (sway, leaning). */
  dx: number;
  dy: number;
  /** The head nearer or farther: a scale about the face's centre. */
  scale: number;
}

export const AT_REST: HeadPose = { yaw: 0, pitch: 0, roll: 0, dx: 0, dy: 0, scale: 1 };

/** The mesh points of a head, in the photo's pixels; what each point is, so it can be moved. */
export class HeadModel {
  private readonly origin: P2;
  private readonly ex: P2;
  private readonly ey: P2;
  private readonly unit: number;
  /** Face-frame 3-D points: the 68 landmarks first, then the extra points. */
  private readonly points3: P3[];
  /** How much each point follows the head's rotation (1: fully; outline and neck: not at all). */
  private readonly follows: number[];
  /** How much each point follows the person's sway (the room around them: not at all). */
  private readonly sways: number[];
  readonly landmarkCount = 68;

  constructor(landmarks68: readonly Point[]) {
    const right = meanAt(landmarks68, IBUG.rightEye);
    const left = meanAt(landmarks68, IBUG.leftEye);
    this.origin = [(right[0] + left[0]) / 2, (right[1] + left[1]) / 2];
    this.unit = Math.hypot(left[0] - right[0], left[1] - right[1]);
    this.ex = [(left[0] - right[0]) / this.unit, (left[1] - right[1]) / this.unit];
    this.ey = [-this.ex[1], this.ex[0]];

    this.points3 = [];
    this.follows = [];
    this.sways = [];
    const add = (point: P3, follows: number, sways: number) => {
      this.points3.push(point);
      this.follows.push(follows);
      this.sways.push(sways);
    };
    landmarks68.forEach((p, i) => {
      const [x, y] = this.toFace(p);
      add([x, y, cylinder(x) + relief(i)], 1, 1);
    });
    // The forehead, curving back as it rises.
    for (const x of [-1.1, -0.55, 0, 0.55, 1.1]) {
      add([x, -1.05, cylinder(x) - 0.05], 1, 1);
      add([x * 0.9, -1.7, cylinder(x) - 0.3], 1, 1);
    }
    // The head's outline and hair: on the yaw axis, so a turn barely moves them.
    for (let k = 0; k < 16; k++) {
      const a = (2 * Math.PI * k) / 16;
      add([2.1 * Math.cos(a), 0.35 + 2.55 * Math.sin(a), YAW_AXIS_Z], 0.35, 1);
    }
    // Neck and shoulders: they sway with the person, they do not turn.
    for (const x of [-2.6, -1.2, 0, 1.2, 2.6]) add([x, 3.3, YAW_AXIS_Z], 0, 1);
    // The room just beyond the person's outline: it stays where it is, so only a thin band of
    // background next to the head and shoulders stretches as they move (where a real head would
    // cover and uncover it).
    for (let k = 0; k < 20; k++) {
      const a = (2 * Math.PI * k) / 20;
      add([2.7 * Math.cos(a), 0.6 + 3.2 * Math.sin(a), YAW_AXIS_Z], 0, 0);
    }
  }

  /** The mesh points at rest, in the photo's pixels. */
  rest(): P2[] {
    return this.points3.map(([x, y]) => this.toImage(x, y));
  }

  /** The mesh points with the head in `pose`, in the photo's pixels. */
  posed(pose: HeadPose): P2[] {
    const yaw = (pose.yaw * Math.PI) / 180;
    const pitch = (pose.pitch * Math.PI) / 180;
    const roll = (pose.roll * Math.PI) / 180;
    const centre: P2 = [0, 0.9];
    return this.points3.map(([x, y, z], i) => {
      const k = this.follows[i];
      // Pitch about the neck's top, then yaw about the neck's axis (both scaled by how much the point follows).
      const p = pitch * k;
      const py = PITCH_PIVOT[0] + (y - PITCH_PIVOT[0]) * Math.cos(p) - (z - PITCH_PIVOT[1]) * Math.sin(p);
      const pz = PITCH_PIVOT[1] + (y - PITCH_PIVOT[0]) * Math.sin(p) + (z - PITCH_PIVOT[1]) * Math.cos(p);
      const w = yaw * k;
      const yx = x * Math.cos(w) + (pz - YAW_AXIS_Z) * Math.sin(w);
      // Roll and scale about the face's centre, then the sway: all in the image plane.
      const r = roll * k;
      const rx = centre[0] + (yx - centre[0]) * Math.cos(r) - (py - centre[1]) * Math.sin(r);
      const ry = centre[1] + (yx - centre[0]) * Math.sin(r) + (py - centre[1]) * Math.cos(r);
      const m = this.sways[i];
      const s = 1 + (pose.scale - 1) * m;
      return this.toImage(
        centre[0] + (rx - centre[0]) * s + pose.dx * m,
        centre[1] + (ry - centre[1]) * s + pose.dy * m,
      );
    });
  }

  /** Eye distances to the photo's pixels. */
  get pixelsPerUnit(): number {
    return this.unit;
  }

  private toFace(p: Point): [number, number] {
    const dx = p[0] - this.origin[0],
      dy = p[1] - this.origin[1];
    return [(dx * this.ex[0] + dy * this.ex[1]) / this.unit, (dx * this.ey[0] + dy * this.ey[1]) / this.unit];
  }

  private toImage(x: number, y: number): P2 {
    return [
      this.origin[0] + (x * this.ex[0] + y * this.ey[0]) * this.unit,
      this.origin[1] + (x * this.ex[1] + y * this.ey[1]) * this.unit,
    ];
  }
}
