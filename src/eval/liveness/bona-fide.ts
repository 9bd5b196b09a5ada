/**
 * Bona fide presentations without a webcam: for one person, real photos at different head poses
 * (and their mirror images: a head turned left, mirrored, is a head turned right), ordered to
 * perform a challenge, each placed in a 640x480 frame.
 *
 * A webcam holds each pose for a few frames that differ by a little motion and sensor noise; one
 * photo stands for one held pose here, rendered for each of its frames with a small shift, scale,
 * exposure change and noise. What these sequences lack against a real burst is continuity between
 * poses (the photos of a person come from different days, lights and cameras), which makes the
 * one-person check harder than on a webcam, not easier; and the poses are those press photos
 * happen to show, not the ones a person asked to turn would take.
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
import { timeline } from './timeline.js';

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
  const random = jitter === undefined ? () => 0.5 : seeded(jitter);
  const scale = 1 + (random() - 0.5) * 0.04;
  const scaled = await sharp(photo).rotate()
    .resize({ height: Math.round(FRAME.height * 0.92 * scale), width: FRAME.width, fit: 'inside' })
    .linear(1 + (random() - 0.5) * 0.06, 0)
    .toBuffer({ resolveWithObject: true });
  const left = Math.round((FRAME.width - scaled.info.width) / 2 + (random() - 0.5) * 8);
  const top = Math.max(0, Math.round((FRAME.height - scaled.info.height) / 2 + (random() - 0.5) * 8));
  const frame = sharp({ create: { width: FRAME.width, height: FRAME.height, channels: 3, background: { r: 96, g: 92, b: 88 } } })
    .composite([{ input: scaled.data, left: Math.max(0, left), top }]);
  if (jitter === undefined) return frame.jpeg({ quality: 90 }).toBuffer();
  const { data } = await sharp(await frame.png().toBuffer()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i]! + Math.round((random() - 0.5) * 6)));
  return sharp(data, { raw: { width: FRAME.width, height: FRAME.height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

type Role = Move | 'centre';

/** Margins, in thresholds: a move photo clears its threshold by a quarter; a centre photo stays well inside it. */
const MOVE_AT = 1.25;
const OFF_AXIS = 0.8;
const CENTRE_WITHIN = 0.6;

/**
 * The challenges this person's photos can perform, each with the photo for every frame of the
 * page's timeline: a frontal photo, then for each move a photo clearly in that move (its frames into
 * and out of the move all from it), and a frontal photo back at the centre.
 */
export function bonaFideSequences(
  photos: readonly PosedPhoto[], settings: Pick<LivenessSettings, 'yawThreshold' | 'pitchThreshold'>, challenges: readonly (readonly Move[])[],
): { moves: readonly Move[]; sequence: PosedPhoto[] }[] {
  const found: { moves: readonly Move[]; sequence: PosedPhoto[] }[] = [];
  const todo = new Set(challenges);
  for (const start of photos) {
    const byRole = classify(photos, start.pose, settings);
    for (const moves of [...todo]) {
      if (moves.some((m) => byRole.get(m)!.length === 0)) continue;
      const centres = [start, ...byRole.get('centre')!.filter((p) => p !== start)];
      let back = 0;
      const sequence = timeline(moves).map((beat, i) => {
        if (beat.move !== 'centre') return byRole.get(beat.move)![0]!;
        return i < 2 ? start : centres[++back % centres.length]!;
      });
      found.push({ moves, sequence });
      todo.delete(moves);
    }
    if (todo.size === 0) break;
  }
  return found;
}

function classify(photos: readonly PosedPhoto[], base: Pose, settings: Pick<LivenessSettings, 'yawThreshold' | 'pitchThreshold'>): Map<Role, PosedPhoto[]> {
  const out = new Map<Role, PosedPhoto[]>([['centre', []], ...MOVES.map((m) => [m, []] as [Role, PosedPhoto[]])]);
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

function seeded(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13; state >>>= 0; state ^= state >> 17; state ^= state << 5; state >>>= 0;
    return state / 0x100000000;
  };
}

/**
 * Each photo, and its mirror image: a head turned left, mirrored, is a real head turned right (a
 * face is nearly symmetric), which doubles the poses a person's few photos offer.
 */
export async function posedPhotos(engine: FaceEngine, files: readonly string[]): Promise<PosedPhoto[]> {
  const out: PosedPhoto[] = [];
  for (const file of files) {
    // The person alone, as in front of a webcam: press photos often show others at their edges.
    const card = await faceCard(engine, await readFile(file));
    if (!card) continue;
    const photo = await sharp(card.data, { raw: { width: card.width, height: card.height, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
    const mirrored = await sharp(photo).flop().toBuffer();
    for (const [name, bytes] of [[file, photo], [`${file} (mirrored)`, mirrored]] as const) {
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
