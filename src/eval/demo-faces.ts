/**
 * Faces that come with an npm dependency: the group photos @vladmandic/face-api ships
 * (demo/sample1..6.jpg). Tests and evaluations that must run on any machine use these; the boxes
 * were measured once with face-api's SSD MobileNet v1 detector (score >= 0.97).
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

export interface FaceBox {
  photo: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Four different people. */
export const SAMPLE_FACES: readonly FaceBox[] = [
  { photo: 'sample1.jpg', left: 414, top: 355, width: 177, height: 240 },
  { photo: 'sample2.jpg', left: 1447, top: 153, width: 194, height: 242 },
  { photo: 'sample3.jpg', left: 585, top: 329, width: 199, height: 271 },
  { photo: 'sample5.jpg', left: 787, top: 109, width: 156, height: 212 },
];

const require = createRequire(import.meta.url);

const demoFolder = () => join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

export function demoPhotoPath(photo: string): string {
  return join(demoFolder(), photo);
}

/** Every group photo face-api ships (sample1..6.jpg), in name order. */
export function demoPhotos(): string[] {
  return readdirSync(demoFolder())
    .filter((f) => /^sample\d+\.jpg$/.test(f))
    .sort()
    .map((f) => join(demoFolder(), f));
}

/** Face `i` alone: its box grown to `grow` times its size, as a JPEG (a one-person photo). */
export function demoPortrait(i: number, grow = 1.8): Promise<Buffer> {
  const face = SAMPLE_FACES[i];
  return cropAround(
    demoPhotoPath(face.photo),
    { x: face.left, y: face.top, width: face.width, height: face.height },
    grow,
  );
}

/** The square around `box` grown to `grow` times its larger side, kept inside the photo, as a JPEG. */
export async function cropAround(
  file: string,
  box: { x: number; y: number; width: number; height: number },
  grow: number,
): Promise<Buffer> {
  const photo = sharp(file);
  const { width, height } = await photo.metadata();
  const side = Math.round(Math.max(box.width, box.height) * grow);
  const left = Math.max(0, Math.round(box.x + box.width / 2 - side / 2));
  const top = Math.max(0, Math.round(box.y + box.height / 2 - side / 2));
  return photo
    .extract({ left, top, width: Math.min(side, width! - left), height: Math.min(side, height! - top) })
    .jpeg({ quality: 92 })
    .toBuffer();
}
