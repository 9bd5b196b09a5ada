import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEvent, StoreSpec } from '../adapters/contract.js';
import { findModel, loadManifest } from '../src/face/model-files/manifest.js';
import { RandomUnitVectors } from './support/random-templates.js';
import { FaceEngine } from '../src/face/engine.js';
import { Gallery } from '../src/face/match/gallery.js';
import { loadCalibration } from '../src/face/match/load-calibration.js';
import { MemoryTemplateSource } from '../src/face/match/memory-template-source.js';
import { ThresholdPolicy } from '../src/face/match/threshold-policy.js';
import { FaceRecognizer } from '../src/face/recognizer.js';
import { distance } from '../src/face/match/distance.js';
import { manifestEmbedder, resolveEngineSpec, shippedEmbedderId } from '../src/face/resolve-spec.js';
import { startTestEngine, testFaceOptions } from './helpers/face-engine.js';
import { enrollPhotos, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { portrait } from './helpers/face-fixtures.js';
import { askFor, findHeadTurn, firstTimeline, firstTimelineFor, headTurnFrames } from './helpers/head-turn.js';
import { livenessBoundsOf } from '../src/face/liveness/settings.js';
import { liveSignIn } from './helpers/live-sign-in.js';
import { backends, specOrSkip, temporaryFolder } from './helpers/stores.js';

const manifest = loadManifest();
const OLD = shippedEmbedderId(findModel(manifest, 'dlib-resnet-v1'));
const NEW = shippedEmbedderId(findModel(manifest, 'faceplugin-fr-feature-512'));

describe('a face engine with an older embedder loaded beside the configured one', function () {
  this.timeout(120_000);

  it('runs the older one only when asked, each with its own alignment, and refuses a model it has not loaded', async () => {
    const spec = resolveEngineSpec(testFaceOptions({ workers: 0 }), { baseDir: process.cwd(), manifest });
    spec.legacyEmbedders = [manifestEmbedder(findModel(manifest, 'dlib-resnet-v1'), null)];
    const engine = await FaceEngine.start(spec);
    const alone = await startTestEngine({ embedder: 'dlib-resnet-v1', workers: 0 });
    try {
      const jpeg = await portrait(0);
      expect(Object.keys((await engine.analyze(jpeg)).embeddings)).to.deep.equal([NEW]);
      const both = await engine.analyze(jpeg, [OLD]);
      expect(both.embeddings[NEW]).to.have.length(512).and.equal(both.embedding);
      expect(both.embeddings[OLD]).to.have.length(128);
      // What dlib's model gives when it is the configured one (its chip, its mirror fusion).
      expect(distance(both.embeddings[OLD], (await alone.analyze(jpeg)).embedding, 'euclidean')).to.be.below(1e-3);
      const error = await engine.analyze(jpeg, ['no-such-model@000000000000']).catch((e: unknown) => e);
      expect(String(error)).to.include('no embedder no-such-model@000000000000 loaded');

      // 1:N over a mixed gallery counts every account, and is refused when the older model cannot
      // keep to the target at that size (dlib's calibration refuses 100 accounts; the new one would not).
      const source = new MemoryTemplateSource();
      source.add(NEW, 'ann', (await engine.analyze(jpeg)).embedding);
      for (let i = 0; i < 99; i++) source.add(OLD, `old-${i}`, new RandomUnitVectors(i + 1).next());
      const gallery = await Gallery.load(source, [spec.embedder, ...spec.legacyEmbedders]);
      const rules = (target: number) =>
        new Map(
          [NEW, OLD].map((model) => [
            model,
            {
              policy: new ThresholdPolicy(
                { targetFalseAcceptRate: target, minGenuineAcceptRate: 0.5, fixedThreshold: null },
                loadCalibration(model, { landmarks: true, mirrorFusion: model === OLD }),
              ),
              margin: 0.04,
              frameBounds: livenessBoundsOf(model === OLD ? spec.legacyEmbedders[0] : spec.embedder).account,
            },
          ]),
        );
      expect(await new FaceRecognizer(engine, gallery, rules(1e-4)).recognize([jpeg])).to.include({
        kind: 'identification_refused',
        model: OLD,
      });
      const looser = await new FaceRecognizer(engine, gallery, rules(1e-2)).recognize([jpeg]);
      expect(looser.kind === '1:N' && looser.decision).to.include({ kind: 'accepted', accountId: 'ann', model: NEW });
    } finally {
      await engine.close();
      await alone.close();
    }
  });
});

/** facegate as an operator runs it, on the same store. */
function facegateCli(config: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/facegate.js', ...args, '--config', config], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/**
 * Changing the configured embedder locks nobody out: people enrolled under the old model sign in
 * with it, are carried over to the new one by a live sign-in, and the old model's templates can
 * then be pruned. The whole path, restarts included, on each store backend.
 */
for (const backend of backends) {
  describe(`switching the face embedder, on ${backend.name}: enrolled people keep signing in`, function () {
    this.timeout(900_000);
    let facegate: TestFacegate | undefined;
    after(async () => {
      await facegate?.close();
    });

    const start = (spec: StoreSpec, embedder: string) =>
      startTestFacegate(
        spec,
        undefined,
        { face: { workers: 1, liveness: 'challenge', embedder } },
        { challengeMoves: askFor(['left', 'right']), challengeTimeline: firstTimeline },
      );
    // Every challenge asks for left then right on the first timeline.
    const steps = firstTimelineFor(['left', 'right']);
    const recent = async (count: number): Promise<AuditEvent[]> => facegate!.store.audit.recent(count);
    const modelsOf = async (account: string) =>
      (await facegate!.store.templates.listForAccount(account)).map((t) => t.model).sort();

    it('enrol under dlib, switch, restart: the old model accepts and carries over, then the new one accepts; prune; restart', async function () {
      const spec = await specOrSkip(this, backend);
      facegate = await start(spec, 'dlib-resnet-v1');
      // A demo face other than alice's turns its head; it is enrolled from its photo and a webcam frame of it.
      const headTurn = await findHeadTurn(facegate.face.engine, steps, [0]);
      const [atRest] = await headTurnFrames(headTurn, steps, 9);
      await enrollPhotos(facegate, 'turner', 'Turner', [await portrait(headTurn.portrait), atRest!]);
      await enrollPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
      expect(await modelsOf('turner')).to.deep.equal([OLD, OLD]);
      await facegate.close();

      // The configuration now names the new model; the old one runs for the accounts enrolled with it.
      facegate = await start(spec, 'faceplugin-fr-feature-512');
      expect(facegate.face.model).to.equal(NEW);
      expect(facegate.face.legacy).to.deep.equal({ loaded: [OLD], unavailable: [] });

      // First sign-in (1:N over two accounts, both under the old model): accepted by the old model,
      // and the account is carried over with one template of the new model.
      const first = await liveSignIn(facegate, await headTurnFrames(headTurn, steps, 1));
      expect(first.answer, JSON.stringify(first.answer)).to.include({ status: 'accepted' });
      expect(first.claims).to.include({ sub: 'turner' });
      const [carried, accepted] = await recent(2);
      expect(accepted).to.deep.include({ type: 'signin', result: 'accepted', accountId: 'turner' });
      expect(accepted!.detail).to.include({ mode: '1:N', model: OLD });
      expect(carried).to.deep.include({ type: 'enrollment', result: 'carried_over', accountId: 'turner' });
      expect(carried!.detail).to.include({ from: OLD, to: NEW, templates: 1 });
      expect(carried!.detail.distance as number).to.be.at.most(0.8 * (carried!.detail.threshold as number));
      expect(await modelsOf('turner')).to.deep.equal([OLD, OLD, NEW].sort());

      // Second sign-in: the new model accepts him (1:N over a mixed gallery: alice is still under the
      // old model), and nothing more is carried over.
      const second = await liveSignIn(facegate, await headTurnFrames(headTurn, steps, 2));
      expect(second.claims).to.include({ sub: 'turner' });
      const [again] = await recent(1);
      expect(again).to.deep.include({ result: 'accepted', accountId: 'turner' });
      expect(again!.detail).to.include({ mode: '1:N', model: NEW });
      expect(await modelsOf('turner')).to.have.length(3);

      // Pruning the old model is refused while alice has no other template; she enrols again (photos).
      const config = join(temporaryFolder(), 'facegate.config.json');
      writeFileSync(config, JSON.stringify({ storage: spec, face: { embedder: 'faceplugin-fr-feature-512' } }));
      const listed = facegateCli(config, 'templates', 'list');
      expect(listed.out)
        .to.include(`${OLD}\t2 account(s)\t3 template(s)\t(older)`)
        .and.include(`${NEW}\t1 account(s)\t1 template(s)\t(configured)`);
      expect(listed.out).to.include(`1 account(s) not yet carried over to ${NEW}: alice`);
      const refused = facegateCli(config, 'templates', 'prune', '--model', 'dlib-resnet-v1');
      expect(refused.code).to.equal(1);
      expect(refused.err).to.include('alice');
      expect(facegateCli(config, 'templates', 'prune', '--model', 'faceplugin-fr-feature-512').err).to.include(
        'configured embedder',
      );
      await enrollPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
      expect(await modelsOf('alice')).to.deep.equal([OLD, NEW].sort());
      const pruned = facegateCli(config, 'templates', 'prune', '--model', 'dlib-resnet-v1');
      expect(pruned, pruned.err).to.include({ code: 0 });
      expect(pruned.out).to.include(`removed 3 template(s) of ${OLD}`);
      expect(facegateCli(config, 'accounts', 'list').out).to.include(
        `turner\tTurner\t-\t1 face template(s) (${NEW}: 1)`,
      );
      await facegate.close();

      // Restarted: the old model is no longer loaded, and he still signs in.
      facegate = await start(spec, 'faceplugin-fr-feature-512');
      expect(facegate.face.legacy.loaded).to.deep.equal([]);
      const third = await liveSignIn(facegate, await headTurnFrames(headTurn, steps, 3));
      expect(third.claims).to.include({ sub: 'turner' });
    });
  });
}
