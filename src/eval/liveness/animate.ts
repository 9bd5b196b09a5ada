/**
 * One photo of a person made into a webcam burst of them following a challenge: the closest stand-in
 * here for a real person in front of a camera, and, as well, what an attacker can make of a victim's
 * photo (a photo animated the same way passes the check: the README says so).
 *
 * The photo becomes the scene: cropped around the face as a webcam at arm's length frames it. The
 * face turns through the generic head (head-model.ts), warped piecewise-affinely over the 68
 * landmarks; the outline, neck and shoulders follow a little; the person sways and leans. The
 * camera adds what a webcam adds: a little shake, auto-exposure and white balance that drift as the
 * head turns, sensor noise and JPEG compression. Every frame follows the challenge's timeline as a
 * person reacting to the page's prompts does: the first frame of a move may catch the head still
 * on its way, the first frame back may still be turned.
 */
import sharp from 'sharp';
import type { FaceEngine } from '../../face/engine.js';
import type { Step } from '../../face/liveness/challenge.js';
import { FRAME } from '../webcam-frame.js';
import { Prng } from '../prng.js';
import { triangulate, type Triangle } from './delaunay.js';
import { AT_REST, HeadModel, type HeadPose } from './head-model.js';
import type { P2 } from './homography.js';
import { warpMesh } from './mesh-warp.js';
import type { RgbRaster } from './scene.js';

/** Room around the frame, so the camera can shake without showing an edge. */
const MARGIN = 40;
const SCENE = { width: FRAME.width + 2 * MARGIN, height: FRAME.height + 2 * MARGIN } as const;

/** The largest face, as a share of the photo's height or width, that still leaves a room around it. */
const MAX_FACE_SHARE = 0.6;
/** How much a photo may be enlarged to make the webcam's frame: more, and the face is a blur no webcam gives. */
const MAX_ENLARGEMENT = 1.25;

export interface Performer {
  /** The photo as the scene the camera sees, SCENE pixels. */
  scene: RgbRaster;
  head: HeadModel;
  /** The scene's fixed points (its corners and edges), after the head's points in the mesh. */
  border: P2[];
  triangles: Triangle[];
}

/**
 * The person of `photo` (its largest face) in front of a webcam, or undefined when no face with
 * landmarks is found. `seed` picks how close they sit.
 */
export async function performerFrom(
  engine: FaceEngine,
  photo: Uint8Array,
  seed: number,
): Promise<Performer | undefined> {
  const [face] = await engine.analyzeAll(photo).catch(() => []);
  if (!face?.landmarks68) return undefined;
  const random = new Prng(seed);
  const upright = await sharp(photo).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width: pw, height: ph } = upright.info;
  // A crop of the face alone is no scene: a webcam sees the room around the head.
  if (face.box.height > MAX_FACE_SHARE * ph || face.box.width > MAX_FACE_SHARE * pw) return undefined;

  // The face (the detector's box) fills 45 to 60% of the frame's height, a little above its
  // middle, as at arm's length; or less, as someone sitting back, where the photo has too few
  // pixels for that (a webcam's face is sharp: a photo is enlarged by MAX_ENLARGEMENT at most).
  // Where the photo is cropped tighter than that, its edge pixels are drawn outwards (mirroring
  // would add faces): an odd room, but one room, the same in every frame.
  const share = Math.min(random.uniform(0.45, 0.6), (MAX_ENLARGEMENT * face.box.height) / FRAME.height);
  const height = Math.round((face.box.height / share) * (SCENE.height / FRAME.height));
  const width = Math.round(height * (SCENE.width / SCENE.height));
  const left = Math.round(face.box.x + face.box.width / 2 - width / 2);
  const top = Math.round(face.box.y + face.box.height / 2 + 0.08 * height - height / 2);
  const pad = {
    left: Math.max(0, -left),
    top: Math.max(0, -top),
    right: Math.max(0, left + width - pw),
    bottom: Math.max(0, top + height - ph),
  };
  const padded = await sharp(upright.data, { raw: { width: pw, height: ph, channels: 3 } })
    .extend({ ...pad, extendWith: 'copy' })
    .raw()
    .toBuffer();
  const { data } = await sharp(padded, {
    raw: { width: pw + pad.left + pad.right, height: ph + pad.top + pad.bottom, channels: 3 },
  })
    .extract({ left: left + pad.left, top: top + pad.top, width, height })
    .resize(SCENE.width, SCENE.height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const scale = SCENE.width / width;
  const landmarks = face.landmarks68.map(([x, y]) => [(x - left) * scale, (y - top) * scale] as const);

  const head = new HeadModel(landmarks);
  const border: P2[] = [];
  for (const fx of [0, 0.25, 0.5, 0.75, 1]) border.push([fx * SCENE.width, 0], [fx * SCENE.width, SCENE.height]);
  for (const fy of [0.25, 0.5, 0.75]) border.push([0, fy * SCENE.height], [SCENE.width, fy * SCENE.height]);
  return {
    scene: { width: SCENE.width, height: SCENE.height, data: new Uint8Array(data) },
    head,
    border,
    triangles: triangulate([...head.rest(), ...border]),
  };
}

/** How one person performs: how far they turn, how they react and sway, and their camera. Drawn from a seed. */
interface Manner {
  yaw: number;
  pitch: number;
  /** Chance that the first frame of a move catches the head on its way. */
  lateStart: number;
  /** Chance that the first frame back at the centre is still turned. */
  lateReturn: number;
  rest: HeadPose;
  /** How much exposure changes with a full turn (auto-exposure metering a turned face). */
  exposurePerTurn: number;
  /** The camera's wander per frame, in pixels and degrees: a laptop on a desk hardly moves, a phone in the hand does. */
  shake: number;
  tilt: number;
  noise: number;
  quality: number;
}

function mannerOf(random: Prng): Manner {
  return {
    yaw: random.uniform(28, 40),
    pitch: random.uniform(24, 34),
    lateStart: random.uniform(0.2, 0.6),
    lateReturn: random.uniform(0.2, 0.6),
    rest: { ...AT_REST, yaw: random.uniform(-4, 4), pitch: random.uniform(-4, 4), roll: random.uniform(-3, 3) },
    exposurePerTurn: random.uniform(-0.08, 0.08),
    ...(random.chance(0.35)
      ? { shake: random.uniform(3, 7), tilt: random.uniform(0.3, 0.8) }
      : { shake: random.uniform(0.3, 1.2), tilt: 0 }),
    noise: random.uniform(1.5, 3.5),
    quality: Math.round(random.uniform(72, 92)),
  };
}

/** The head pose of each frame of `steps`, as a person following the prompts holds it. */
export function performance(
  steps: readonly Step[],
  random: Prng,
  manner = mannerOf(random),
): { pose: HeadPose; amount: number }[] {
  const out: { pose: HeadPose; amount: number }[] = [];
  let previous: Step['move'] = 'centre';
  let sway = { dx: 0, dy: 0, scale: 1 };
  for (const step of steps) {
    for (let f = 0; f < step.frames; f++) {
      let move = step.move;
      let amount: number;
      if (step.move !== 'centre') {
        amount = f === 0 && random.chance(manner.lateStart) ? random.uniform(0.55, 0.85) : random.uniform(0.88, 1.05);
      } else if (f === 0 && previous !== 'centre' && random.chance(manner.lateReturn)) {
        move = previous;
        amount = random.uniform(0.1, 0.3);
      } else {
        amount = random.uniform(0, 0.06);
      }
      sway = {
        dx: clamp(sway.dx + random.gaussian(0.02), 0.12),
        dy: clamp(sway.dy + random.gaussian(0.015), 0.08),
        scale: 1 + clamp(sway.scale - 1 + random.gaussian(0.006), 0.03),
      };
      const pose: HeadPose = {
        ...manner.rest,
        ...sway,
        yaw:
          manner.rest.yaw +
          random.gaussian(1.2) +
          (move === 'left' ? manner.yaw * amount : move === 'right' ? -manner.yaw * amount : 0),
        pitch: manner.rest.pitch + random.gaussian(1) + (move === 'up' ? manner.pitch * amount : 0),
        roll: manner.rest.roll + random.gaussian(0.6),
      };
      out.push({ pose, amount: move === 'centre' ? 0 : amount });
    }
    previous = step.move;
  }
  return out;
}

/** The burst a webcam takes of `performer` following `steps`, as JPEG frames. */
export function performFrames(performer: Performer, steps: readonly Step[], seed: number): Promise<Buffer[]> {
  const random = new Prng(seed);
  const manner = mannerOf(random);
  return film(performer, performance(steps, random, manner), random, manner);
}

/**
 * `performer` filmed holding each pose in turn (`amount`: how far into a move, 0 to 1, for the
 * exposure that follows it), by a camera of the manner `seed` draws: a video, frame by frame.
 */
export function filmPoses(
  performer: Performer,
  poses: readonly { pose: HeadPose; amount: number }[],
  seed: number,
): Promise<Buffer[]> {
  const random = new Prng(seed);
  return film(performer, poses, random, mannerOf(random));
}

async function film(
  performer: Performer,
  poses: readonly { pose: HeadPose; amount: number }[],
  random: Prng,
  manner: Manner,
): Promise<Buffer[]> {
  const rest = [...performer.head.rest(), ...performer.border];
  let gain = [1, 1, 1].map(() => random.uniform(0.94, 1.06));
  const frames: Buffer[] = [];
  const camera = { x: 0, y: 0, angle: 0 };
  for (const { pose, amount } of poses) {
    camera.x = clamp(camera.x + random.gaussian(manner.shake), MARGIN - 6);
    camera.y = clamp(camera.y + random.gaussian(manner.shake), MARGIN - 6);
    camera.angle = clamp(camera.angle + random.gaussian(manner.tilt), 3);
    const posed = turnAbout(
      [...performer.head.posed(pose), ...performer.border],
      [SCENE.width / 2, SCENE.height / 2],
      camera.angle,
    );
    const window = { x: MARGIN + camera.x, y: MARGIN + camera.y, width: FRAME.width, height: FRAME.height };
    const rgb = warpMesh(performer.scene, rest, posed, performer.triangles, window);
    // White balance drifts a little from frame to frame; exposure follows how far the head is turned.
    gain = gain.map((g) => g * (1 + random.gaussian(0.004)));
    const exposure = 1 + manner.exposurePerTurn * amount + random.gaussian(0.004);
    frames.push(
      await encode(
        rgb,
        gain.map((g) => g * exposure),
        manner.noise,
        manner.quality,
        random,
      ),
    );
  }
  return frames;
}

function encode(rgb: Float32Array, gain: number[], noise: number, quality: number, random: Prng): Promise<Buffer> {
  const out = new Uint8Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) {
    const value = rgb[i] * gain[i % 3] + random.gaussian(noise);
    out[i] = value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value);
  }
  return sharp(out, { raw: { width: FRAME.width, height: FRAME.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/** Points turned by `degrees` about `centre` (the camera tilting in the hand). */
function turnAbout(points: readonly P2[], centre: P2, degrees: number): P2[] {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a),
    sin = Math.sin(a);
  return points.map(([x, y]) => [
    centre[0] + (x - centre[0]) * cos - (y - centre[1]) * sin,
    centre[1] + (x - centre[0]) * sin + (y - centre[1]) * cos,
  ]);
}

function clamp(x: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, x));
}
