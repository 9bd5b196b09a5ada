import { expect } from 'chai';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sha256OfFile } from '../src/face/model-files/file-digest.js';
import { findModel, loadManifest, verifyModelFile } from '../src/face/model-files/manifest.js';
import type { FaceEngine } from '../src/face/engine.js';
import { distance } from '../src/face/match/distance.js';
import { FaceError } from '../src/face/errors.js';
import sharp from 'sharp';
import { FACE_COUNT, portrait, variants, webcamFrame } from './helpers/face-fixtures.js';
import { startTestEngine } from './helpers/face-engine.js';

const ID = 'faceplugin-fr-feature-512';

describe(`models: ${ID} (fr_feature.onnx of faceplugin-face-recognition-js)`, function () {
  this.timeout(120_000);
  let engine: FaceEngine;
  before(async () => {
    engine = await startTestEngine({ embedder: ID, workers: 0 });
  });
  after(() => engine?.close());

  it("is the package's file, byte for byte", () => {
    const packageDir = dirname(createRequire(import.meta.url).resolve('faceplugin-face-recognition-js/package.json'));
    const entry = findModel(loadManifest(), ID);
    expect(sha256OfFile(verifyModelFile(entry))).to.equal(sha256OfFile(join(packageDir, 'model/fr_feature.onnx')));
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
