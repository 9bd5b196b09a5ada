/**
 * Embeds a list of image files with the engine, keeping every worker busy, and reports progress.
 * An unreadable file or a face-less image gives null: the evaluation counts it, it does not stop.
 */
import { readFile } from 'node:fs/promises';
import { mapInLanes } from './lanes.js';
import type { FaceEngine } from '../face/engine.js';

export async function embedImages(
  engine: FaceEngine,
  paths: readonly string[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Map<string, Float32Array | null>> {
  const embed = (path: string) =>
    readFile(path)
      .then((bytes) => engine.embedCentral(bytes))
      .catch(() => null);
  const embeddings = await mapInLanes(paths, Math.max(1, engine.spec.workers) + 1, embed, onProgress);
  return new Map(paths.map((path, i) => [path, embeddings[i]]));
}
