/**
 * Where eval-liveness finds its photos: the npm fixtures always; ../shared/faces and LFW when
 * present (people with several photos give bona fide sequences, every person an attack photo).
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoPortrait, SAMPLE_FACES } from '../demo-faces.js';
import type { AttackPhoto } from './evaluate.js';

const IMAGE = /\.(jpe?g|png|webp)$/i;

export interface Sources {
  attackPhotos: AttackPhoto[];
  people: { name: string; photos: string[] }[];
  /** What was found, for the report. */
  notes: string[];
}

export function findSources(facesDir: string, lfwImagesDir: string, limits: { lfwAttackPeople: number; lfwMinPhotos: number }): Sources {
  const attackPhotos: AttackPhoto[] = SAMPLE_FACES.map((_, i) => ({ name: `face-api demo face ${i}`, load: () => demoPortrait(i) }));
  const people: Sources['people'] = [];
  const notes = [`${SAMPLE_FACES.length} faces from @vladmandic/face-api's demo photos`];
  const file = (path: string): AttackPhoto => ({ name: path, load: () => readFile(path) });

  if (existsSync(facesDir)) {
    const identities = readdirSync(facesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('_'));
    for (const identity of identities) {
      const photos = readdirSync(join(facesDir, identity.name)).filter((f) => IMAGE.test(f)).sort().map((f) => join(facesDir, identity.name, f));
      if (photos[0]) attackPhotos.push(file(photos[0]));
      if (photos.length >= 4) people.push({ name: identity.name, photos });
    }
    notes.push(`${identities.length} people from ${facesDir}`);
  } else {
    notes.push(`${facesDir} is absent: no attack photos or bona fide people from it`);
  }

  if (existsSync(lfwImagesDir)) {
    const names = readdirSync(lfwImagesDir).sort();
    let attackers = 0;
    for (const name of names) {
      const photos = readdirSync(join(lfwImagesDir, name)).filter((f) => IMAGE.test(f)).sort().map((f) => join(lfwImagesDir, name, f));
      if (photos.length >= limits.lfwMinPhotos) people.push({ name, photos });
      else if (attackers < limits.lfwAttackPeople && photos[0]) {
        attackPhotos.push(file(photos[0]));
        attackers++;
      }
    }
    notes.push(`LFW: ${attackers} attack photos, people with at least ${limits.lfwMinPhotos} photos for bona fide sequences`);
  } else {
    notes.push(`${lfwImagesDir} is absent: no LFW photos`);
  }
  return { attackPhotos, people, notes };
}
