import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example RP's folder in the repository (this file runs from dist/example-rp/server/). */
export const appFolder = fileURLToPath(new URL('../../../example-rp/', import.meta.url));

/** What Vite reads to build the app: a change to any of them makes the build out of date. */
const sources = ['index.html', 'vite.config.ts', 'public', 'src'];

/** Why the app needs building, or undefined when example-rp/dist is newer than every source. */
export function buildReason(folder: string = appFolder): 'missing' | 'stale' | undefined {
  const built = join(folder, 'dist', 'index.html');
  if (!existsSync(built)) return 'missing';
  const builtAt = statSync(built).mtimeMs;
  return sources.some((source) => newestChange(join(folder, source)) > builtAt) ? 'stale' : undefined;
}

/** The latest modification time of a file, or of anything below a folder. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export class BuildError extends Error {
  readonly code = 'example_rp_build_failed';
}

/**
 * Runs `vite build` for the example RP in a child process (Vite is a dev dependency, so a
 * production install without it gets a clear message), and rejects with its last output lines.
 */
export async function buildApp(folder: string = appFolder): Promise<void> {
  const vite = viteCommand();
  const child = spawn(
    process.execPath,
    [vite, 'build', '--config', join(folder, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    const last = output.trim().split('\n').filter(Boolean).slice(-1)[0] ?? `exit code ${code}`;
    throw new BuildError(
      `the example RP did not build (${last.trim()}): run \`npm run build:rp\` to see the whole output`,
    );
  }
}

/** Builds the app when it is missing or older than its sources; says whether it did. */
export async function ensureBuilt(
  folder: string = appFolder,
  onBuild?: (reason: 'missing' | 'stale') => void,
): Promise<boolean> {
  const reason = buildReason(folder);
  if (!reason) return false;
  onBuild?.(reason);
  await buildApp(folder);
  return true;
}

function viteCommand(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    throw new BuildError(
      'the example RP is not built and Vite is not installed (a dev dependency): run `npm ci` with dev dependencies',
    );
  }
}
