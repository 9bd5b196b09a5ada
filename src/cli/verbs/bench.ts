import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Verb } from '../main.js';
import { CliError } from '../parse.js';

/**
 * `facegate bench` runs bench/face.ts. The benches are development tooling beside src/, not part of
 * a production install, and src/ never imports them: they are found by path, and only when present.
 * (Where bench/ is present without its development packages, tfjs, the bench says which are missing.)
 */
const faceBench = new URL('../../../bench/face.js', import.meta.url);

export async function bench(args: string[]): Promise<number> {
  if (!existsSync(fileURLToPath(faceBench))) {
    throw new CliError(
      `the benches are not installed here (no ${fileURLToPath(faceBench)}): they are development tooling, left out of a production install (the packed release, npm ci --omit=dev) with the development packages they use (face-api's tfjs); run them from a clone of the repository (npm ci, then npm run bench)`,
    );
  }
  const { bench: run } = (await import(faceBench.href)) as { bench: Verb };
  return run(args);
}
