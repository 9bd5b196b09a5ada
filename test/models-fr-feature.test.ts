import { expect } from 'chai';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { findModel, loadManifest, verifyModelFile } from '../src/face/model-files/manifest.js';
import type { FaceEngine } from '../src/face/engine.js';
import { distance } from '../src/face/match/distance.js';
import { FaceError } from '../src/face/errors.js';
import sharp from 'sharp';
import type { Chip } from '../src/face/align/chip.js';
import { FACE_COUNT, portrait, variants, webcamFrame } from './helpers/face-fixtures.js';
import { startTestEngine } from './helpers/face-engine.js';
import { splitPRelu } from '../models/rewrite/prelu-split.js';
import { Embedder } from '../src/face/embed/embedder.js';
import { shippedEmbedderId } from '../src/face/resolve-spec.js';
import { ModelProtoType } from '../src/face/onnx/schema.js';

const ID = 'faceplugin-fr-feature-512';

describe(`models: ${ID} (fr_feature.onnx of faceplugin-face-recognition-js)`, function () {
  this.timeout(120_000);
  let engine: FaceEngine;
  before(async () => {
    engine = await startTestEngine({ embedder: ID, workers: 0 });
  });
  after(() => engine?.close());

  it("is the package's file with each PRelu split, and gives the package file's numbers bit for bit", async () => {
    const packageDir = dirname(createRequire(import.meta.url).resolve('faceplugin-face-recognition-js/package.json'));
    const published = join(packageDir, 'model/fr_feature.onnx');
    const entry = findModel(loadManifest(), ID);
    expect(entry.build).to.equal('prelu-split');
    const installed = readFileSync(verifyModelFile(entry));
    expect(installed).to.deep.equal(Buffer.from(splitPRelu(readFileSync(published)).bytes));
    expect(operatorsOf(installed)).to.not.include('PRelu');

    const ours = await Embedder.load(engine.spec.embedder);
    const theirs = await Embedder.load({ ...engine.spec.embedder, file: published });
    const chips = [];
    for (let i = 0; i < FACE_COUNT; i++) chips.push(await resizedChip(await portrait(i), 112));
    const [a, b] = [await ours.embed(chips), await theirs.embed(chips)];
    for (let i = 0; i < chips.length; i++) expect([...a[i]!], `face ${i}`).to.deep.equal([...b[i]!]);
  });

  it("keeps the published file's digest in the id its templates are stored under", () => {
    const entry = findModel(loadManifest(), ID);
    expect(entry.sha256).to.not.equal(entry.source.files[0]!.sha256);
    expect(shippedEmbedderId(entry)).to.equal(`${ID}@${entry.source.files[0]!.sha256.slice(0, 12)}`);
  });

  it('gives unit-length 512-D embeddings, compared by cosine, from ArcFace-aligned 112x112 chips', async () => {
    expect(engine.spec.embedder).to.deep.include({ id: `${ID}@87aacdfe5751`, inputSize: 112, metric: 'cosine' });
    expect(engine.spec.embedder.alignment).to.include({ name: 'arcface', size: 112 });
    const { embedding } = await engine.analyze(await portrait(0));
    expect(embedding).to.have.length(512);
    expect(Math.hypot(...embedding)).to.be.closeTo(1, 1e-5);
  });

  it("measures quality on dlib's chip, where face.minSharpness was measured: a blurred face is too_blurry as with dlib's model", async () => {
    const blurred = await sharp(await portrait(0))
      .blur(6)
      .jpeg({ quality: 95 })
      .toBuffer();
    const error = await engine.analyze(blurred).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(FaceError).and.include({ code: 'too_blurry' });
    const sharp0 = await engine.analyze(await portrait(0));
    const dlib = await startTestEngine({ embedder: 'dlib-resnet-v1', workers: 0 });
    try {
      expect(sharp0.quality.sharpness).to.be.closeTo((await dlib.analyze(await portrait(0))).quality.sharpness, 1e-6);
    } finally {
      await dlib.close();
    }
  });

  it('finds each face again in a webcam frame, mirrored and recompressed, nearer than anyone else', async () => {
    const enrolled = [];
    for (let i = 0; i < FACE_COUNT; i++) enrolled.push((await engine.analyze(await portrait(i))).embedding);
    for (let i = 0; i < FACE_COUNT; i++) {
      for (const probe of [
        await webcamFrame(await portrait(i)),
        await variants.flipped(await portrait(i)),
        await variants.recompressed(await portrait(i)),
      ]) {
        const { embedding } = await engine.analyze(probe);
        const distances = enrolled.map((e) => distance(embedding, e, 'cosine'));
        const others = distances.filter((_, j) => j !== i);
        expect(distances[i], `face ${i}`).to.be.below(Math.min(...others) - 0.2);
      }
    }
  });
});

function operatorsOf(model: Uint8Array): string[] {
  const decoded = ModelProtoType.toObject(ModelProtoType.decode(model)) as { graph: { node: { op_type: string }[] } };
  return [...new Set(decoded.graph.node.map((n) => n.op_type))];
}

/** A photo squeezed to size x size, as a chip (not aligned: only the two files' numbers are compared). */
async function resizedChip(photo: Buffer, size: number): Promise<Chip> {
  const raw = await sharp(photo).resize(size, size, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  return { rgb: Float32Array.from(raw), size };
}
