/**
 * Someone else's face laid over the face in a frame: the crude face swap an attacker can do with
 * the landmarks of both, for the mixed-identity attack that keeps one scene (the impostor performs
 * the challenge in their own room; the frames facing the camera get the victim's face). The
 * victim's face, forehead to chin, is warped onto the impostor's landmarks, its colour matched to
 * the skin it covers, and blended in with a soft edge.
 */
import sharp from 'sharp';
import type { Point } from '../../face/geometry/similarity.js';
import { FRAME } from '../webcam-frame.js';
import { triangulate } from './delaunay.js';
import { HeadModel } from './head-model.js';
import { warpTriangles } from './mesh-warp.js';
import type { RgbRaster } from './scene.js';

/** The 68 landmarks and the forehead points of a head (HeadModel's first points). */
const FACE_POINTS = 78;
/** Width of the blended edge, in eye distances. */
const FEATHER = 0.25;

export interface Donor {
  raster: RgbRaster;
  landmarks68: readonly Point[];
}

/** `frame` (a 640x480 JPEG whose face has `landmarks68`) with the donor's face over it. */
export async function pasteFace(frame: Buffer, landmarks68: readonly Point[], donor: Donor): Promise<Buffer> {
  const { data } = await sharp(frame).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const target = new HeadModel(landmarks68);
  const to = target.rest().slice(0, FACE_POINTS);
  const from = new HeadModel(donor.landmarks68).rest().slice(0, FACE_POINTS);
  const window = { x: 0, y: 0, width: FRAME.width, height: FRAME.height };
  const { rgb, covered } = warpTriangles(donor.raster, from, to, triangulate(to), window);
  const alpha = blurred(covered, Math.max(2, Math.round(target.pixelsPerUnit * FEATHER)));
  const matched = matchColour(rgb, data, covered);
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < covered.length; i++) {
    // Only inside the face: the blur's outer half would pull in the black around the warp.
    const a = covered[i] ? alpha[i] : 0;
    for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.round(a * matched[i * 3 + c] + (1 - a) * data[i * 3 + c]);
  }
  return sharp(out, { raw: { width: FRAME.width, height: FRAME.height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** The donor's colours moved to the mean and spread of the frame's own face, channel by channel. */
function matchColour(donor: Float32Array, frame: Uint8Array, mask: Uint8Array): Float32Array {
  const out = new Float32Array(donor.length);
  for (let c = 0; c < 3; c++) {
    const stats = (values: ArrayLike<number>) => {
      let sum = 0,
        squares = 0,
        n = 0;
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i]) continue;
        const v = values[i * 3 + c];
        sum += v;
        squares += v * v;
        n++;
      }
      const mean = sum / Math.max(1, n);
      return { mean, sd: Math.sqrt(Math.max(1, squares / Math.max(1, n) - mean * mean)) };
    };
    const d = stats(donor),
      f = stats(frame);
    for (let i = 0; i < mask.length; i++)
      out[i * 3 + c] = Math.max(0, Math.min(255, f.mean + ((donor[i * 3 + c] - d.mean) * f.sd) / d.sd));
  }
  return out;
}

/** The mask softened by a box blur of `radius` pixels, run twice each way (close to a Gaussian). */
function blurred(mask: Uint8Array, radius: number): Float32Array {
  let values: Float32Array = Float32Array.from(mask);
  for (let pass = 0; pass < 2; pass++) {
    values = boxBlur(values, FRAME.width, FRAME.height, radius, true);
    values = boxBlur(values, FRAME.width, FRAME.height, radius, false);
  }
  // Fully inside stays fully opaque: only the edge fades.
  return values.map((v) => Math.min(1, v * 2));
}

function boxBlur(
  values: Float32Array,
  width: number,
  height: number,
  radius: number,
  horizontal: boolean,
): Float32Array {
  const out = new Float32Array(values.length);
  const [lines, length] = horizontal ? [height, width] : [width, height];
  const at = (line: number, k: number) => (horizontal ? line * width + k : k * width + line);
  for (let line = 0; line < lines; line++) {
    let sum = 0;
    for (let k = -radius; k <= radius; k++) sum += values[at(line, Math.min(length - 1, Math.max(0, k)))];
    for (let k = 0; k < length; k++) {
      out[at(line, k)] = sum / (2 * radius + 1);
      sum += values[at(line, Math.min(length - 1, k + radius + 1))] - values[at(line, Math.max(0, k - radius))];
    }
  }
  return out;
}
