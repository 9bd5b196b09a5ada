/**
 * The real photos the presentation-attack model's BPCER is measured on: every photo of every
 * identity folder of ../shared/faces and of its _single folder, and every image of LFW's
 * lfw-dev/images. Missing folders give no photos (the report says so).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { identityPhotos } from '../shared-data.js';

const IMAGE = /\.(jpe?g|png|webp)$/i;

export function sharedFacesPhotos(facesDir: string): string[] {
  if (!existsSync(facesDir)) return [];
  const single = join(facesDir, '_single');
  return [...identityPhotos(facesDir).flatMap((p) => p.files), ...(existsSync(single) ? imagesIn(single) : [])];
}

export function lfwPhotos(imagesDir: string): string[] {
  if (!existsSync(imagesDir)) return [];
  return readdirSync(imagesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .flatMap((person) => imagesIn(join(imagesDir, person)));
}

function imagesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => IMAGE.test(f))
    .sort()
    .map((f) => join(folder, f));
}
