/**
 * A person's real photos as an attacker holds them: each photo and its mirror image (a head turned
 * left, mirrored, is a head turned right), with the head pose it shows, and sorted by the move of
 * a challenge each could stand for. The collage attacks are made of these, each photo dropped
 * into a webcam-sized frame.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { FaceEngine } from '../../face/engine.js';
import { faceCard } from './face-card.js';
import type { FaceAnalysis } from '../../face/pipeline.js';
import { facePose, type Pose } from '../../face/liveness/pose.js';
import { MOVES, type Move } from '../../face/liveness/challenge.js';
import type { LivenessSettings } from '../../face/liveness/burst-check.js';
import { FRAME } from '../webcam-frame.js';
import { Prng } from '../prng.js';

export interface PosedPhoto {
  file: string;
  /** The photo, mirrored or not, ready to frame. */
  bytes: Uint8Array;
  analysis: FaceAnalysis;
  pose: Pose;
}

/**
 * A photo in a webcam-sized frame: scaled to the frame's height and centred on grey; with a
 * `jitter` seed, moved by a few pixels, scaled by a few percent, its exposure nudged, and noisy,
 * as consecutive webcam frames of one held pose are.
 */
export async function framed(photo: Uint8Array, jitter?: number): Promise<Buffer> {
  const random = jitter === undefined ? undefined : new Prng(jitter);
  const wobble = (spread: number) => (random ? (random.next() - 0.5) * spread : 0);
  const scale = 1 + wobble(0.04);
  const scaled = await sharp(photo)
    .rotate()
    .resize({ height: Math.round(FRAME.height * 0.92 * scale), width: FRAME.width, fit: 'inside' })
    .linear(1 + wobble(0.06), 0)
    .toBuffer({ resolveWithObject: true });
  const left = Math.round((FRAME.width - scaled.info.width) / 2 + wobble(8));
  const top = Math.max(0, Math.round((FRAME.height - scaled.info.height) / 2 + wobble(8)));
  const frame = sharp({
    create: { width: FRAME.width, height: FRAME.height, channels: 3, background: { r: 96, g: 92, b: 88 } },
  }).composite([{ input: scaled.data, left: Math.max(0, left), top }]);
  if (!random) return frame.jpeg({ quality: 90 }).toBuffer();
  const { data } = await sharp(await frame.png().toBuffer())
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i] + Math.round(wobble(6))));
  return sharp(data, { raw: { width: FRAME.width, height: FRAME.height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Each photo (the person alone, as press photos often show others at their edges) and its mirror image, posed. */
export async function posedPhotos(engine: FaceEngine, files: readonly string[]): Promise<PosedPhoto[]> {
  const out: PosedPhoto[] = [];
  for (const file of files) {
    const card = await faceCard(engine, await readFile(file));
    if (!card) continue;
    const photo = await sharp(card.data, { raw: { width: card.width, height: card.height, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const mirrored = await sharp(photo).flop().toBuffer();
    for (const [name, bytes] of [
      [file, photo],
      [`${file} (mirrored)`, mirrored],
    ] as const) {
      try {
        const analysis = await engine.analyzeFrame(await framed(bytes));
        out.push({ file: name, bytes, analysis, pose: facePose(analysis) });
      } catch {
        // A photo without a usable face is no pose: skipped.
      }
    }
  }
  return out;
}

/** Margins, in thresholds: a move photo clears its threshold by a quarter; a centre photo stays well inside it. */
const MOVE_AT = 1.25;
const OFF_AXIS = 0.8;
const CENTRE_WITHIN = 0.6;

/** The photos that can stand for each move, or for facing the camera, measured from `base` (a frontal photo's pose). */
export function photosByPose(
  photos: readonly PosedPhoto[],
  base: Pose,
  settings: Pick<LivenessSettings, 'yawThreshold' | 'pitchThreshold'>,
): Map<Move | 'centre', PosedPhoto[]> {
  const out = new Map<Move | 'centre', PosedPhoto[]>([
    ['centre', []],
    ...MOVES.map((m) => [m, []] as [Move, PosedPhoto[]]),
  ]);
  for (const p of photos) {
    const dx = (p.pose.x - base.x) / settings.yawThreshold;
    const dy = (p.pose.y - base.y) / settings.pitchThreshold;
    if (Math.abs(dx) < CENTRE_WITHIN && Math.abs(dy) < CENTRE_WITHIN) out.get('centre')!.push(p);
    else if (dx >= MOVE_AT && Math.abs(dy) < OFF_AXIS) out.get('left')!.push(p);
    else if (dx <= -MOVE_AT && Math.abs(dy) < OFF_AXIS) out.get('right')!.push(p);
    else if (dy <= -MOVE_AT && Math.abs(dx) < OFF_AXIS) out.get('up')!.push(p);
  }
  return out;
}
