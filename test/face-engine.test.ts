import { expect } from 'chai';
import sharp from 'sharp';
import { pngDeclaring } from './support/png-header.js';
import { FaceError, type FaceErrorCode } from '../src/face/errors.js';
import { FaceEngine } from '../src/face/engine.js';
import { buildPipeline } from '../src/face/build-pipeline.js';
import type { FaceAnalysis } from '../src/face/pipeline.js';
import { analyzeBurst } from '../src/face/liveness/analyze-burst.js';
import { resolveEngineSpec } from '../src/face/resolve-spec.js';
import { distance } from '../src/face/match/distance.js';
import { loadCalibration } from '../src/face/match/load-calibration.js';
import { ThresholdPolicy } from '../src/face/match/threshold-policy.js';
import { demoPhoto, FACE_COUNT, portrait, variants, webcamFrame } from './helpers/face-fixtures.js';
import { startTestEngine, testFaceOptions } from './helpers/face-engine.js';

async function refusal(promise: Promise<unknown>): Promise<FaceErrorCode> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FaceError);
    return (error as FaceError).code;
  }
  throw new Error('expected a refusal, the image was accepted');
}

describe('face engine', () => {
  let engine: FaceEngine;
  let threshold: number;
  const embeddings: Float32Array[] = [];
  /** Distance under the configured embedder's metric. */
  const apart = (a: Float32Array, b: Float32Array) => distance(a, b, engine.spec.embedder.metric);

  before(async () => {
    engine = await startTestEngine();
    const { embedder } = engine.spec;
    const calibration = loadCalibration(embedder.id, { landmarks: true, mirrorFusion: embedder.mirrorFusion });
    expect(calibration, 'the shipped calibration fits the default pipeline').to.not.equal(null);
    threshold = new ThresholdPolicy(
      { targetFalseAcceptRate: 1e-4, minGenuineAcceptRate: 0.5, fixedThreshold: null },
      calibration,
    ).verification();
    for (let i = 0; i < FACE_COUNT; i++) embeddings.push((await engine.analyze(await portrait(i))).embedding);
  });

  after(() => engine.close());

  it('gives unit-length embeddings (512-D by default) with the face box, keypoints and 68 landmarks', async () => {
    const analysis = await engine.analyze(await portrait(0));
    expect(analysis.embedding).to.have.length(512);
    expect(analysis.embeddings).to.deep.equal({ [engine.spec.embedder.id]: analysis.embedding });
    expect(Math.hypot(...analysis.embedding)).to.be.closeTo(1, 1e-5);
    expect(analysis.keypoints).to.have.length(6);
    expect(analysis.landmarks68).to.have.length(68);
    expect(analysis.box.width).to.be.greaterThan(100);
  });

  it('analyses frames asked for at once as it does one at a time (the buffers it writes over are never shared across an await)', async () => {
    const pipeline = await buildPipeline(engine.spec);
    const frames = [];
    for (let i = 0; i < FACE_COUNT; i++) frames.push(await webcamFrame(await portrait(i)));
    const alone = [];
    for (const frame of frames) alone.push(await pipeline.analyzeFrame(frame));
    const together = await Promise.all(frames.map((frame) => pipeline.analyzeFrame(frame)));
    const comparable = (a: FaceAnalysis) => ({ ...a, timings: undefined });
    for (let i = 0; i < frames.length; i++)
      expect(comparable(together[i]!), `frame ${i}`).to.deep.equal(comparable(alone[i]!));
  });

  for (const name of Object.keys(variants) as (keyof typeof variants)[]) {
    it(`matches each face with its ${name} version`, async () => {
      for (let i = 0; i < FACE_COUNT; i++) {
        const { embedding } = await engine.analyze(await variants[name](await portrait(i)));
        expect(apart(embedding, embeddings[i]), `face ${i}`).to.be.below(threshold);
      }
    });
  }

  it('matches a face placed in a 640x480 webcam frame', async () => {
    const { embedding, image } = await engine.analyze(await webcamFrame(await portrait(2)));
    expect(image).to.deep.equal({ width: 640, height: 480 });
    expect(apart(embedding, embeddings[2])).to.be.below(threshold);
  });

  it('keeps different people apart', () => {
    for (let i = 0; i < FACE_COUNT; i++) {
      for (let j = i + 1; j < FACE_COUNT; j++) {
        expect(apart(embeddings[i], embeddings[j]), `faces ${i} and ${j}`).to.be.above(threshold);
      }
    }
  });

  it('honours EXIF orientation', async () => {
    // Stored sideways, with the EXIF tag that says to turn it back upright.
    const sideways = await sharp(await portrait(1))
      .rotate(90)
      .withMetadata({ orientation: 8 })
      .jpeg()
      .toBuffer();
    const { embedding } = await engine.analyze(sideways);
    expect(apart(embedding, embeddings[1])).to.be.below(threshold);
  });

  describe('refuses, with its own code', () => {
    const noise = () =>
      sharp(Buffer.from(Array.from({ length: 320 * 240 * 3 }, (_, i) => (i * 7919) % 251)), {
        raw: { width: 320, height: 240, channels: 3 },
      })
        .jpeg()
        .toBuffer();

    it('not_an_image: a text file named .jpg, an empty body, a truncated JPEG', async () => {
      expect(await refusal(engine.analyze(Buffer.from('this is not a photo\n')))).to.equal('not_an_image');
      expect(await refusal(engine.analyze(Buffer.alloc(0)))).to.equal('not_an_image');
      const jpeg = await portrait(0);
      expect(await refusal(engine.analyze(jpeg.subarray(0, Math.floor(jpeg.length / 2))))).to.equal('not_an_image');
    });

    it('unsupported_format: a GIF', async () => {
      const gif = await sharp(await portrait(0))
        .gif()
        .toBuffer();
      expect(await refusal(engine.analyze(gif))).to.equal('unsupported_format');
    });

    it('image_too_large: a PNG that declares 30000x30000 pixels, and a body over the byte limit', async () => {
      expect(await refusal(engine.analyze(pngDeclaring(30_000, 30_000)))).to.equal('image_too_large');
      const limit = testFaceOptions().maxImageBytes;
      expect(await refusal(engine.analyze(Buffer.alloc(limit + 1, 0xff)))).to.equal('image_too_large');
    });

    it('no_face: noise and a blank frame', async () => {
      expect(await refusal(engine.analyze(await noise()))).to.equal('no_face');
      const blank = await sharp({ create: { width: 640, height: 480, channels: 3, background: 'white' } })
        .jpeg()
        .toBuffer();
      expect(await refusal(engine.analyze(blank))).to.equal('no_face');
    });

    it('several_faces: a group photo', async () => {
      expect(await refusal(engine.analyze(demoPhoto('sample3.jpg')))).to.equal('several_faces');
    });

    it('face_too_small: a face far from the camera', async () => {
      const far = await sharp(await webcamFrame(await portrait(0), 360))
        .resize(200)
        .toBuffer();
      expect(await refusal(engine.analyze(far))).to.equal('face_too_small');
    });

    it('too_dark: a face in the dark', async () => {
      const dark = await sharp(await portrait(0))
        .linear(0.12, 0)
        .jpeg({ quality: 95 })
        .toBuffer();
      expect(await refusal(engine.analyze(dark))).to.equal('too_dark');
    });

    it('too_blurry: a face out of focus', async () => {
      const blurred = await sharp(await portrait(0))
        .blur(6)
        .jpeg({ quality: 95 })
        .toBuffer();
      expect(await refusal(engine.analyze(blurred))).to.equal('too_blurry');
    });

    it('busy: more requests than the workers and the queue hold', async () => {
      const small = await startTestEngine({ workers: 1, queueLength: 1 });
      try {
        const jpeg = await portrait(0);
        const results = await Promise.allSettled(Array.from({ length: 6 }, () => small.analyze(jpeg)));
        const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as FaceError).code : 'ok'));
        expect(codes.filter((c) => c === 'ok')).to.have.length(2); // one running, one queued
        expect(codes.filter((c) => c === 'busy')).to.have.length(4);
        // And it recovers once the queue drains.
        await small.analyze(jpeg);
      } finally {
        await small.close();
      }
    });

    it('busy: a liveness burst that does not fit in the queue is refused whole, none of its frames analysed', async () => {
      const analysed: string[] = [];
      const spec = resolveEngineSpec(testFaceOptions({ workers: 1, queueLength: 3 }), { baseDir: process.cwd() });
      const small = await FaceEngine.start(spec, (operation) => analysed.push(operation));
      try {
        const jpeg = await portrait(0);
        // One running and two waiting: room for one image more, and a burst brings four.
        const singles = Array.from({ length: 3 }, () => small.analyze(jpeg));
        const burst = analyzeBurst(
          small,
          Array.from({ length: 4 }, () => jpeg),
        );
        expect(await refusal(burst)).to.equal('busy');
        await Promise.all(singles);
        await small.analyze(jpeg);
        // Had a frame of the refused burst been queued, it would have been analysed for nothing.
        expect(analysed).to.deep.equal(['analyze', 'analyze', 'analyze', 'analyze']);
      } finally {
        await small.close();
      }
    });

    it('a snapshot goes before the rest of a burst queued ahead of it, and the burst is passed by at most the queue length', async () => {
      const small = await startTestEngine({ workers: 1, queueLength: 4 });
      try {
        const jpeg = await portrait(0);
        const order: string[] = [];
        const done: Promise<void>[] = [];
        const track = (name: string, analysis: Promise<unknown>, then?: () => void) =>
          done.push(
            analysis.then(() => {
              order.push(name);
              then?.();
            }),
          );
        // Snapshots 1 to 3 each ask for another as they end (4 to 6), so that they keep coming.
        const snapshot = (k: number) => track(`S${k}`, small.analyze(jpeg), k <= 3 ? () => snapshot(k + 3) : undefined);
        const [a1, a2, a3] = small.analyzeFrames([jpeg, jpeg, jpeg]);
        track('A1', a1!, () => snapshot(3));
        track('A2', a2!);
        track('A3', a3!);
        snapshot(1);
        snapshot(2);
        for (let i = 0; i < done.length; i++) await done[i];
        // A1 ran at once; S1 to S4 passed A2 and A3; the fourth image to pass them was the last.
        expect(order).to.deep.equal(['A1', 'S1', 'S2', 'S3', 'S4', 'A2', 'A3', 'S5', 'S6']);
      } finally {
        await small.close();
      }
    });

    it('bursts of nearly one size run in the order they came, each whole', async () => {
      const small = await startTestEngine({ workers: 1, queueLength: 8 });
      try {
        const jpeg = await portrait(0);
        const order: string[] = [];
        const track = (name: string) => (analysis: Promise<unknown> | undefined, i: number) =>
          analysis!.then(() => order.push(`${name}${i + 1}`));
        // The snapshot runs at once; then a burst of 4 waits, and one of 3 behind it.
        const done = [
          ...[small.analyze(jpeg)].map(track('S')),
          ...small.analyzeFrames([jpeg, jpeg, jpeg, jpeg]).map(track('A')),
          ...small.analyzeFrames([jpeg, jpeg, jpeg]).map(track('B')),
        ];
        await Promise.all(done);
        expect(order).to.deep.equal(['S1', 'A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3']);
      } finally {
        await small.close();
      }
    });

    it('a burst larger than the queue is still taken when the engine is idle', async () => {
      const small = await startTestEngine({ workers: 1, queueLength: 1 });
      try {
        const jpeg = await portrait(0);
        expect(
          await analyzeBurst(
            small,
            Array.from({ length: 4 }, () => jpeg),
          ),
        ).to.have.length(4);
      } finally {
        await small.close();
      }
    });
  });
});
