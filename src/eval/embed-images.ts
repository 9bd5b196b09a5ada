/**
 * Embeds a list of image files with the engine, keeping every worker busy, and reports progress.
 * An unreadable file or a face-less image gives null: the evaluation counts it, it does not stop.
 */
import { readFile } from 'node:fs/promises';
import type { FaceEngine } from '../face/engine.js';

export async function embedImages(
  engine: FaceEngine,
  paths: readonly string[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Map<string, Float32Array | null>> {
  const out = new Map<string, Float32Array | null>();
  const concurrency = Math.max(1, engine.spec.workers) + 1;
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      try {
        out.set(path, await engine.embedCentral(await readFile(path)));
      } catch {
        out.set(path, null);
      }
      onProgress(++done, paths.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return out;
}
