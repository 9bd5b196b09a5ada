import { expect } from 'chai';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { FaceEngine } from '../src/face/engine.js';
import { distance } from '../src/face/match/distance.js';
import { resolveEngineSpec } from '../src/face/resolve-spec.js';
import { modelsDir } from '../src/face/model-files/manifest.js';
import { FACE_COUNT, portrait, variants } from './helpers/face-fixtures.js';
import { testFaceOptions } from './helpers/face-engine.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * The embedder is pluggable: the shipped model described as a user would describe their own ONNX
 * export (a file next to the configuration, its input and normalisation, its alignment, its metric)
 * runs through the same plumbing as the model id does.
 */
describe('a custom embedder from the configuration', function () {
  this.timeout(120_000);
  const folder = temporaryFolder();
  copyFileSync(join(modelsDir(), 'dlib-resnet-v1.onnx'), join(folder, 'my-embedder.onnx'));
  const engines: FaceEngine[] = [];
  const start = async (embedder: Parameters<typeof testFaceOptions>[0]) => {
    const engine = await FaceEngine.start(
      resolveEngineSpec(testFaceOptions({ workers: 0, ...embedder }), { baseDir: folder }),
    );
    engines.push(engine);
    return engine;
  };
  after(() => Promise.all(engines.map((e) => e.close())));

  it('gives what the shipped model id gives when described the same way', async () => {
    const shipped = await start({ embedder: 'dlib-resnet-v1', mirrorFusion: false });
    const described = await start({
      mirrorFusion: false,
      embedder: {
        id: 'my-embedder-v1',
        file: 'my-embedder.onnx',
        inputSize: 150,
        layout: 'NCHW',
        colorOrder: 'RGB',
        mean: [122.782, 117.001, 104.298],
        scale: 1 / 256,
        alignment: { template: 'dlib', padding: 0.25 },
        metric: 'euclidean',
      },
    });
    expect(described.spec.embedder.id).to.equal('my-embedder-v1');
    const jpeg = await portrait(1);
    const [a, b] = [(await shipped.analyze(jpeg)).embedding, (await described.analyze(jpeg)).embedding];
    // The same numbers up to onnxruntime's float rounding in two sessions.
    expect(distance(a, b, 'euclidean')).to.be.below(1e-3);
  });

  it('a second description (cosine metric, scale 1/255 per channel, mirror fusion) still tells people apart', async () => {
    const engine = await start({
      embedder: {
        id: 'my-embedder-cosine',
        file: 'my-embedder.onnx',
        inputSize: 150,
        layout: 'NCHW',
        colorOrder: 'RGB',
        mean: [122.782, 117.001, 104.298],
        scale: [1 / 255, 1 / 255, 1 / 255],
        alignment: { template: 'dlib', padding: 0.25 },
        metric: 'cosine',
        mirrorFusion: true,
      },
    });
    expect(engine.spec.embedder).to.include({ metric: 'cosine', mirrorFusion: true });
    const embeddings = [];
    for (let i = 0; i < FACE_COUNT; i++) embeddings.push((await engine.analyze(await portrait(i))).embedding);
    // Cosine distance 1 - cos; the euclidean 1:1 threshold of about 0.34 is a cosine distance of about 0.06.
    for (let i = 0; i < FACE_COUNT; i++) {
      const flipped = (await engine.analyze(await variants.flipped(await portrait(i)))).embedding;
      expect(distance(flipped, embeddings[i], 'cosine'), `face ${i}`).to.be.below(0.06);
      for (let j = i + 1; j < FACE_COUNT; j++)
        expect(distance(embeddings[i], embeddings[j], 'cosine')).to.be.above(0.06);
    }
  });

  it('refuses a custom file whose sha256 is not the one configured', async () => {
    let error: unknown;
    try {
      await start({
        embedder: {
          id: 'pinned',
          file: 'my-embedder.onnx',
          sha256: '0'.repeat(64),
          inputSize: 150,
          layout: 'NCHW',
          colorOrder: 'RGB',
          mean: [0, 0, 0],
          scale: 1,
          alignment: { template: 'arcface' },
          metric: 'cosine',
        },
      });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/sha256/);
  });
});
