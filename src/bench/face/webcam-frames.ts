/**
 * 640x480 webcam-like frames: a photo scaled into the frame on a grey background, as
 * test/helpers/face-fixtures.ts does for the engine tests. From ../shared/faces when it is there,
 * else from the group photos @vladmandic/face-api ships (each face cut out with room around it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { Box } from '../../face/detect/detection.js';
import { mapInLanes } from '../lanes.js';
import { identityPhotos } from './shared-data.js';

export const FRAME = { width: 640, height: 480 } as const;

export interface Frame {
  identity: string;
  /** The photo it was made from (and which face of it, for a group photo). */
  source: string;
  jpeg: Buffer;
}

/** A photo fitted into a 640x480 frame: at most 360 px high, as a face fills a webcam at arm's length. */
export async function webcamFrame(photo: Buffer | string): Promise<Buffer> {
  const scaled = await sharp(photo).rotate().resize({ width: FRAME.width, height: 360, fit: 'inside' }).toBuffer();
  return sharp({ create: { ...FRAME, channels: 3, background: { r: 90, g: 90, b: 90 } } })
    .composite([{ input: scaled, gravity: 'centre' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Up to `perIdentity` photos of each person in ../shared/faces, in name order. */
export async function framesFromFaces(facesDir: string, perIdentity: number, onProgress?: (done: number, total: number) => void): Promise<Frame[]> {
  const photos = identityPhotos(facesDir).flatMap(({ identity, files }) => files.slice(0, perIdentity).map((file) => ({ identity, file })));
  return mapInLanes(photos, 2, async ({ identity, file }) => ({ identity, source: file, jpeg: await webcamFrame(file) }), onProgress);
}

export function demoPhotos(): string[] {
  const demo = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
  return readdirSync(demo).filter((f) => /^sample\d+\.jpg$/.test(f)).sort().map((f) => join(demo, f));
}

/**
 * Every face at least `minWidth` px wide in face-api's demo photos, cut out at 1.8 times its box
 * and framed; `findFaces` is the engine's detector. Each face counts as its own identity.
 */
export async function framesFromDemoPhotos(findFaces: (jpeg: Buffer) => Promise<Box[]>, minWidth = 60): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (const file of demoPhotos()) {
    const photo = sharp(file);
    const { width, height } = await photo.metadata();
    const boxes = (await findFaces(readFileSync(file))).filter((b) => b.width >= minWidth);
    for (const [i, box] of boxes.entries()) {
      const side = Math.round(Math.max(box.width, box.height) * 1.8);
      const left = Math.max(0, Math.round(box.x + box.width / 2 - side / 2));
      const top = Math.max(0, Math.round(box.y + box.height / 2 - side / 2));
      const cut = await sharp(file)
        .extract({ left, top, width: Math.min(side, width! - left), height: Math.min(side, height! - top) })
        .jpeg({ quality: 92 })
        .toBuffer();
      const source = `${file}#${i + 1}`;
      frames.push({ identity: source, source, jpeg: await webcamFrame(cut) });
    }
  }
  return frames;
}
