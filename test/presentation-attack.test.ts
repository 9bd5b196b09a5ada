import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ModelFileError } from '../src/face/model-files/errors.js';
import { findModel, loadManifest, modelsDir } from '../src/face/model-files/manifest.js';
import { splitPRelu } from '../models/rewrite/prelu-split.js';
import { decodeImage } from '../src/face/image.js';
import { PresentationAttackModel } from '../src/face/presentation-attack/model.js';
import { faceDefaults } from '../src/config/face-options.js';
import type { FaceConfig } from '../src/config/types.js';
import { flatAttackFrames } from '../src/eval/liveness/attacks.js';
import { rasterOf } from '../src/eval/liveness/scene.js';
import { chooseThreshold, refusedShare } from '../src/eval/presentation-attack/evaluate.js';
import { FaceEngine } from '../src/face/engine.js';
import { livenessSettings } from '../src/face/liveness/settings.js';
import { presentationCrop } from '../src/face/presentation-attack/crop.js';
import { judgePresentation, medianLiveScore } from '../src/face/presentation-attack/judge.js';
import { FaceRecognizer } from '../src/face/recognizer.js';
import { resolveEngineSpec } from '../src/face/resolve-spec.js';
import { en } from '../src/messages/en.js';
import { Browser } from './support/browser.js';
import { enrollPhotos, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { portrait, variants, webcamFrame } from './helpers/face-fixtures.js';
import { findHeadTurn, firstTimelineFor, headTurnFrames } from './helpers/head-turn.js';
import { temporaryFolder } from './helpers/stores.js';
import { startAuthorization } from './support/test-rp.js';

const DEFAULT_THRESHOLD = faceDefaults().presentationAttackDetection.threshold;
const on = (threshold = DEFAULT_THRESHOLD): Partial<FaceConfig> => ({
  presentationAttackDetection: { enabled: true, threshold },
});

/** An enrolled person's photo shown on a phone to the camera, as src/eval/liveness/attacks.ts renders it: one frame. */
async function photoOnPhone(face: number): Promise<Buffer> {
  const [frame] = await flatAttackFrames(
    'phone',
    await rasterOf(await portrait(face)),
    firstTimelineFor(['left', 'right']),
    11,
  );
  return frame!;
}

describe('presentation-attack model (face.presentationAttackDetection)', function () {
  this.timeout(300_000);

  describe('the crop', () => {
    it("is the publisher detector's square (1.244 BlazeFace sides, raised 0.107 of a side), 2.7 times, when it fits", () => {
      const square = presentationCrop({ width: 1920, height: 1080 }, { x: 270, y: 200, width: 100, height: 100 });
      expect(square).to.deep.equal({ x: 152, y: 71, side: 335 });
    });

    it('shrinks until it fits in the image, and moves inside it', () => {
      const image = { width: 640, height: 480 };
      for (const box of [
        { x: 220, y: 140, width: 200, height: 200 },
        { x: 0, y: 0, width: 120, height: 130 },
        { x: 560, y: 400, width: 80, height: 80 },
      ]) {
        const { x, y, side } = presentationCrop(image, box);
        expect(side, JSON.stringify(box)).to.be.at.most(479);
        expect(x).to.be.at.least(0);
        expect(y).to.be.at.least(0);
        expect(x + side).to.be.at.most(639);
        expect(y + side).to.be.at.most(479);
      }
      expect(presentationCrop(image, { x: 220, y: 140, width: 200, height: 200 }).side).to.be.within(478, 479);
    });
  });

  describe('the decision', () => {
    it("is the median of the frames' live scores: one frame decides neither way in a burst", () => {
      expect(judgePresentation([{ liveScore: 0.9 }, { liveScore: 0.00001 }, { liveScore: 0.8 }], 0.001)).to.deep.equal({
        kind: 'live',
        score: 0.8,
        threshold: 0.001,
      });
      expect(
        judgePresentation([{ liveScore: 0.9 }, { liveScore: 0.00001 }, { liveScore: 0.0002 }], 0.001),
      ).to.deep.equal({ kind: 'presentation_attack', score: 0.0002, threshold: 0.001 });
      expect(judgePresentation([{ liveScore: 0.0005 }], 0.001).kind).to.equal('presentation_attack');
      expect(judgePresentation([{ liveScore: 0.001 }], 0.001).kind).to.equal('live');
    });

    it('refuses to judge frames the engine did not score', () => {
      expect(() => medianLiveScore([{ liveScore: 0.5 }, {}])).to.throw(/did not score these frames/);
      expect(() => medianLiveScore([])).to.throw(/did not score these frames/);
    });
  });

  describe('the engine', () => {
    /** The shipped models copied to a folder of their own, with fr-liveness.onnx changed by one byte. */
    let changedModels: string;

    before(() => {
      changedModels = temporaryFolder();
      for (const entry of loadManifest().models)
        copyFileSync(join(modelsDir(), entry.file), join(changedModels, entry.file));
      appendFileSync(join(changedModels, 'fr-liveness.onnx'), Buffer.from([0]));
    });

    it('is off by default: the model is neither checked nor loaded, and analyses carry no live score', async () => {
      expect(faceDefaults().presentationAttackDetection).to.deep.equal({
        enabled: false,
        threshold: DEFAULT_THRESHOLD,
      });
      const spec = resolveEngineSpec(faceDefaults(), { baseDir: process.cwd(), modelsDir: changedModels });
      expect(spec).to.not.have.property('presentationAttack');
      const engine = await FaceEngine.start({ ...spec, workers: 1 });
      try {
        const analysis = await engine.analyze(await webcamFrame(await portrait(1)));
        expect(analysis).to.not.have.property('liveScore');
        expect(analysis.timings).to.include.all.keys('decode', 'detect', 'align', 'embed');
        expect(analysis.timings).to.not.have.property('presentationAttack');
      } finally {
        await engine.close();
      }
    });

    it("installs the package's model with its PRelu split, scoring faces as the published file does, bit for bit", async () => {
      const published = join(
        dirname(createRequire(import.meta.url).resolve('faceplugin-face-recognition-js/package.json')),
        'model/fr_liveness.onnx',
      );
      const entry = findModel(loadManifest(), 'fr-liveness');
      expect(entry.build).to.equal('prelu-split');
      const installed = join(modelsDir(), entry.file);
      expect(readFileSync(installed)).to.deep.equal(Buffer.from(splitPRelu(readFileSync(published)).bytes));
      const [ours, theirs] = [
        await PresentationAttackModel.load(installed),
        await PresentationAttackModel.load(published),
      ];
      const engine = await FaceEngine.start({
        ...resolveEngineSpec(faceDefaults(), { baseDir: process.cwd() }),
        workers: 0,
      });
      try {
        for (const photo of [await portrait(0), await portrait(3), await variants.flipped(await portrait(1))]) {
          const frame = await webcamFrame(photo);
          const { box } = await engine.analyze(frame);
          const image = await decodeImage(frame);
          expect(await ours.liveScore(image, box)).to.equal(await theirs.liveScore(image, box));
        }
      } finally {
        await engine.close();
      }
    });

    it('on, pins the model by sha256: a changed file stops the start, naming it and the rebuild command', () => {
      try {
        resolveEngineSpec({ ...faceDefaults(), ...on() }, { baseDir: process.cwd(), modelsDir: changedModels });
        expect.fail('a changed fr-liveness.onnx was accepted');
      } catch (error) {
        expect(error).to.be.instanceOf(ModelFileError);
        expect(error).to.include({ code: 'model_file_altered', file: join(changedModels, 'fr-liveness.onnx') });
        expect((error as Error).message).to.include('npm run models');
      }
    });

    it('on, scores a real photo live at the default threshold, and a photo of it on a phone far below', async () => {
      const engine = await FaceEngine.start({
        ...resolveEngineSpec({ ...faceDefaults(), ...on() }, { baseDir: process.cwd() }),
        workers: 1,
      });
      try {
        const real = await engine.analyze(await webcamFrame(await portrait(1)));
        expect(real.liveScore).to.be.at.least(DEFAULT_THRESHOLD);
        expect(real.timings.presentationAttack).to.be.a('number');
        const frame = await engine.analyzeFrame(await webcamFrame(await portrait(1)));
        expect(frame.liveScore).to.be.closeTo(real.liveScore!, 1e-6);
        expect((await engine.analyze(await photoOnPhone(1))).liveScore).to.be.below(DEFAULT_THRESHOLD);
      } finally {
        await engine.close();
      }
    });
  });

  describe('over HTTP, on at the default threshold (liveness off: one frame)', () => {
    let facegate: TestFacegate;
    let issuer: URL;

    before(async () => {
      facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'pad.sqlite') }, undefined, {
        face: { workers: 1, liveness: 'off', ...on() },
      });
      issuer = new URL(facegate.issuer);
      await enrollPhotos(facegate, 'alice', 'Alice', [await portrait(1)]);
    });
    after(async () => {
      await facegate?.close();
    });

    async function postFace(frame: Buffer) {
      const rp = await startAuthorization(issuer, 'spa');
      const browser = new Browser(issuer.origin);
      const { url: page } = await browser.navigate(rp.url);
      return browser.json(`${page.pathname}/face`, { method: 'POST', body: frame, contentType: 'image/jpeg' });
    }

    it('signs in a real photo', async () => {
      const answer = await postFace(await webcamFrame(await portrait(1)));
      expect(answer.body, JSON.stringify(answer.body)).to.include({ status: 'accepted' });
    });

    it("refuses the enrolled person's photo on a phone with presentation_attack, a sentence that says what to do, and counts it", async () => {
      const attack = await photoOnPhone(1);
      // The attack it stops: without the model, this frame is Alice.
      const recogniser = new FaceRecognizer(
        facegate.face.engine,
        facegate.face.recognizer.gallery,
        facegate.face.recognizer.rules,
      );
      const unguarded = await recogniser.recognize([attack]);
      expect(unguarded.kind === '1:N' && unguarded.decision).to.include({ kind: 'accepted', accountId: 'alice' });

      const answer = await postFace(attack);
      expect(answer.status).to.equal(422);
      expect(answer.body).to.deep.equal({
        status: 'refused',
        error: 'presentation_attack',
        message: en.presentation_attack,
        attemptsLeft: 4,
      });
      expect(en.presentation_attack)
        .to.match(/photo or a screen/)
        .and.match(/Face the camera yourself/);
      const [event] = await facegate.store.audit.recent(1);
      expect(event).to.include({ type: 'signin', result: 'presentation_attack', accountId: null });
      expect(event!.detail).to.include({ threshold: DEFAULT_THRESHOLD, attemptsLeft: 4 });
      expect(event!.detail.liveScore).to.be.below(DEFAULT_THRESHOLD);
    });

    it("judges a live burst on the median of its frames' scores", async () => {
      const steps = firstTimelineFor(['left', 'right']);
      const frames = await headTurnFrames(await findHeadTurn(facegate.face.engine, steps), steps);
      const liveness = { steps, settings: livenessSettings(facegate.face.engine.spec.embedder) };
      const recogniser = (threshold: number) =>
        new FaceRecognizer(
          facegate.face.engine,
          facegate.face.recognizer.gallery,
          facegate.face.recognizer.rules,
          threshold,
        );
      const judged = await recogniser(0).recognize(frames, { liveness });
      expect(judged.kind).to.equal('1:N');
      const median = medianLiveScore(judged.analyses.filter((a) => a !== undefined));
      expect((await recogniser(median).recognize(frames, { liveness })).kind).to.equal('1:N');
      const refused = await recogniser(median + 1e-6).recognize(frames, { liveness });
      expect(refused.kind).to.equal('presentation_attack');
      expect(refused.kind === 'presentation_attack' && refused.verdict).to.deep.equal({
        kind: 'presentation_attack',
        score: median,
        threshold: median + 1e-6,
      });
    });
  });

  describe('facegate eval-pad (command line)', () => {
    it('chooses the strictest candidate threshold that refuses at most the share asked of the real photos', () => {
      const scores = [0.00005, 0.0003, 0.004, 0.03, 0.2, 0.6, 0.7, 0.8, 0.9, 0.95];
      expect(refusedShare(scores, 0.001)).to.equal(0.2);
      expect(chooseThreshold(scores, 0.2)).to.equal(0.002);
      expect(chooseThreshold(scores, 0.1)).to.equal(0.0002);
      expect(chooseThreshold(scores, 0)).to.equal(null);
      expect(chooseThreshold([0.5], 0)).to.equal(0.5);
    });

    it('--json reports BPCER per photo set and threshold, the threshold chosen on one set and reported on the other, and the rendered attacks apart', async () => {
      const folder = temporaryFolder();
      const faces = join(folder, 'faces');
      const lfw = join(folder, 'lfw');
      for (const [dir, people] of [
        [faces, [0, 1]],
        [lfw, [2, 3]],
      ] as const) {
        for (const person of people) {
          mkdirSync(join(dir, `person_${person}`), { recursive: true });
          writeFileSync(join(dir, `person_${person}`, '1.jpg'), await portrait(person));
          writeFileSync(join(dir, `person_${person}`, '2.png'), await variants.rescaled(await portrait(person)));
        }
      }
      const { stdout } = await promisify(execFile)('node', [
        join(process.cwd(), 'bin/facegate.js'),
        'eval-pad',
        '--json',
        '--faces',
        faces,
        '--lfw',
        lfw,
        '--attack-people',
        '0',
      ]);
      const report = JSON.parse(stdout);
      expect(report.framing).to.equal('webcam');
      expect(report.sources.faces).to.include({ photos: 4, scored: 4 });
      expect(report.sources.lfw).to.include({ photos: 4, scored: 4 });
      expect(report.thresholds.map((t: { threshold: number }) => t.threshold)).to.include(DEFAULT_THRESHOLD);
      for (const row of report.thresholds) expect(row.bpcer.faces).to.be.within(0, 1);
      expect(report.chosen).to.include({ on: 'faces', reported_on: 'lfw', max_bpcer: 0.05, scored_reported: 4 });
      expect(Object.keys(report.rendered_attacks.types)).to.deep.equal(['still', 'card', 'moved', 'phone']);
      // The 4 npm demo faces and each person's first photo of the faces folder, one burst per attack type.
      expect(report.rendered_attacks.types.phone.bursts).to.equal(6);
      expect(report.model_ms.frames).to.equal(8);
    });
  });
});
