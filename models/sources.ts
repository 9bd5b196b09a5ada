/**
 * Finds a model's source files inside its npm package and proves they are the bytes the manifest
 * was made from, before anything is built from them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ModelInstallError } from './errors.js';
import { sha256OfFile } from '../src/face/model-files/file-digest.js';
import type { ModelEntry } from '../src/face/model-files/manifest.js';

const require = createRequire(import.meta.url);

/** Absolute paths of the entry's source files, in manifest order, each checked against its sha256. */
export function verifiedSourceFiles(entry: ModelEntry): string[] {
  const { package: name, version: expectedVersion, files } = entry.source;
  const packageDir = findPackageDir(entry);
  const installedVersion = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const versionNote =
    installedVersion === expectedVersion
      ? ''
      : ` (installed: ${name}@${installedVersion}, manifest: ${expectedVersion})`;
  return files.map((file) => {
    const path = join(packageDir, file.path);
    if (!existsSync(path)) {
      throw new ModelInstallError(
        'source_file_missing',
        entry.id,
        `models: ${name} has no file ${file.path}, needed for ${entry.file}${versionNote}`,
      );
    }
    const actual = sha256OfFile(path);
    if (actual !== file.sha256) {
      throw new ModelInstallError(
        'source_file_altered',
        entry.id,
        `models: ${name}/${file.path} has sha256 ${actual}, the manifest expects ${file.sha256}${versionNote}; ` +
          `${entry.file} is only built from the files it was checked against`,
      );
    }
    return path;
  });
}

function findPackageDir(entry: ModelEntry): string {
  const { package: name, version } = entry.source;
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new ModelInstallError(
      'source_package_missing',
      entry.id,
      `models: the npm package ${name} (${version}) is not installed, and ${entry.file} is made from it; run \`npm ci\``,
    );
  }
}
