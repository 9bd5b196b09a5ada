/**
 * The photo folders that live next to the repository (never in it): ../shared/faces (people, one
 * folder each) and ../shared/lfw-dev (LFW View 1 training pairs). Either may be absent on a fresh
 * machine; the bench then says so and runs on what npm packages ship.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SharedData {
  /** ../shared/faces, when it exists. */
  faces: string | null;
  /** ../shared/lfw-dev with its pairsDevTrain.txt and images/, when they exist. */
  lfw: { pairs: string; images: string } | null;
  /** Where they were looked for, for the message that says they are absent. */
  searched: string;
}

/** FACEGATE_SHARED names another folder laid out the same way (or a missing one, to run without). */
export function findSharedData(): SharedData {
  const shared = process.env.FACEGATE_SHARED
    ? resolve(process.env.FACEGATE_SHARED)
    : resolve(projectRoot(), '..', 'shared');
  const faces = join(shared, 'faces');
  const lfw = join(shared, 'lfw-dev');
  const pairs = join(lfw, 'pairsDevTrain.txt');
  const images = join(lfw, 'images');
  return {
    faces: isFolder(faces) ? faces : null,
    lfw: existsSync(pairs) && isFolder(images) ? { pairs, images } : null,
    searched: shared,
  };
}

/** The folder holding facegate's package.json, found upwards from this module (in src/ or dist/). */
function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(folder, 'package.json')) && isFolder(join(folder, 'src')))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot find the facegate project folder above the bench module');
    folder = parent;
  }
  return folder;
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Identity folders (not the `_single`, `_multi`, ... collections) and their photo files, sorted. */
export function identityPhotos(facesDir: string): { identity: string; files: string[] }[] {
  return readdirSync(facesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort()
    .map((identity) => ({
      identity,
      files: readdirSync(join(facesDir, identity))
        .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
        .sort()
        .map((f) => join(facesDir, identity, f)),
    }))
    .filter((p) => p.files.length > 0);
}
