import { expect } from 'chai';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { attackFrames } from '../src/eval/liveness/attacks.js';
import { rasterOf } from '../src/eval/liveness/scene.js';
import { faceAcr, faceLivenessAcr } from '../src/oidc/acr.js';
import { Browser } from './helpers/browser.js';
import { callback, enrolPhotos, startTestFacegate, type TestFacegate } from './helpers/facegate.js';
import { portrait } from './helpers/face-fixtures.js';
import { askFor, findHeadTurn, headTurnFrames, sharedFacesMissing, type HeadTurn } from './helpers/head-turn.js';
import { temporaryFolder } from './helpers/stores.js';
import { burst, challengeFor, startSignIn as startLiveSignIn } from './helpers/live-sign-in.js';

describe('liveness challenge over HTTP (sign-in)', function () {
  this.timeout(300_000);
  let facegate: TestFacegate;
  let headTurn: HeadTurn | undefined;

  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'liveness.sqlite') }, undefined,
      { face: { workers: 2, liveness: 'challenge' } }, { challengeMoves: askFor(['left', 'right']) });
    // Alice is the first face-api demo face, enrolled from her photo.
    await enrolPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
    headTurn = await findHeadTurn(facegate.face.engine, ['left', 'right']);
    if (headTurn) {
      await enrolPhotos(facegate, 'turner', headTurn.person, headTurn.sequence.slice(0, 2).map((p) => p.bytes));
    }
  });
  after(async () => { await facegate?.close(); });

  const startSignIn = (extra: Record<string, string> = {}) => startLiveSignIn(facegate, extra);

  it('the page runs the challenge; one frame alone is refused', async () => {
    const { browser, page, html } = await startSignIn();
    expect(html).to.contain('data-liveness="true"');
    const jpeg = await portrait(0);
    const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: jpeg, contentType: 'image/jpeg' });
    expect(answer.body).to.include({ error: 'liveness_required' });
  });

  it('a challenge asks for two moves with prompts, ten frames in all, for thirty seconds', async () => {
    const { browser, page } = await startSignIn();
    const challenge = await challengeFor(browser, page);
    expect(challenge.expiresIn).to.equal(30);
    const steps = challenge.steps as { prompt: string; move: string; frames: number }[];
    expect(steps.map((s) => s.move)).to.deep.equal(['centre', 'left', 'centre', 'right', 'centre']);
    expect(steps[1]!.prompt).to.equal('Turn your head slowly to your left');
    expect(steps.reduce((n, s) => n + s.frames, 0)).to.equal(10);
  });

  for (const type of ['still', 'card', 'moved', 'phone'] as const) {
    it(`refuses an enrolled person's photo, ${type}: "we could not confirm a live person"`, async () => {
      const { browser, page } = await startSignIn();
      const { challenge } = await challengeFor(browser, page);
      const frames = await attackFrames(type, await rasterOf(await portrait(0)), ['left', 'right'], 3);
      const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
      expect(answer.status).to.equal(422);
      expect(answer.body).to.include({ error: 'not_live', attemptsLeft: 4 });
      expect(answer.body.message).to.match(/could not confirm a live person/);
    });
  }

  it('refuses a burst sent again with its spent challenge', async () => {
    const { browser, page } = await startSignIn();
    const { challenge } = await challengeFor(browser, page);
    const frames = await attackFrames('still', await rasterOf(await portrait(0)), ['left', 'right'], 4);
    await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
    const again = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
    expect(again.body).to.include({ error: 'challenge_replayed' });
  });

  it('refuses a challenge of another sign-in, or a forged one', async () => {
    const first = await startSignIn();
    const { challenge } = await challengeFor(first.browser, first.page);
    const second = await startSignIn();
    const frames = await attackFrames('still', await rasterOf(await portrait(0)), ['left', 'right'], 5);
    expect((await second.browser.json(`${second.page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) })).body).to.include({ error: 'challenge_invalid' });
    expect((await second.browser.json(`${second.page.pathname}/face`, { method: 'POST', body: burst(frames, 'e30.bm90LWEtc2lnbmF0dXJl') })).body).to.include({ error: 'challenge_invalid' });
  });

  it('signs in a real head turning as asked, with the liveness acr in the ID token', async function () {
    if (!headTurn) {
      console.warn(`      ${sharedFacesMissing}, or nobody in it turns both ways`);
      this.skip();
    }
    const { browser, page, config, verifier } = await startSignIn({ acr_values: faceLivenessAcr });
    const { challenge } = await challengeFor(browser, page);
    const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(await headTurnFrames(headTurn!), challenge) });
    expect(answer.body, JSON.stringify(answer.body)).to.include({ status: 'accepted' });
    const { url: back } = await browser.navigate(answer.body.redirectTo as string);
    const tokens = await oidc.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier });
    expect(tokens.claims()).to.include({ sub: 'turner', acr: faceLivenessAcr });
  });

  it('the same head turn, in the wrong order, is refused', async function () {
    if (!headTurn) this.skip();
    const { browser, page } = await startSignIn();
    const { challenge } = await challengeFor(browser, page);
    const reversed = (await headTurnFrames(headTurn!, 2)).map((_, i, all) => all[[0, 1, 6, 7, 8, 5, 2, 3, 4, 9][i]!]!);
    const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(reversed, challenge) });
    expect(answer.body).to.include({ error: 'not_live' });
  });
});

describe('liveness asked for by the client (acr_values) where the configuration has it off', function () {
  this.timeout(120_000);
  let facegate: TestFacegate;
  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'acr.sqlite') });
  });
  after(async () => { await facegate?.close(); });

  it('runs the challenge for that sign-in only', async () => {
    const issuer = new URL(facegate.issuer);
    const config = await oidc.discovery(issuer, 'spa', undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    const open = async (extra: Record<string, string>) => {
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback, scope: 'openid', code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()), code_challenge_method: 'S256', ...extra,
      });
      const { response } = await new Browser(issuer.origin).navigate(url);
      return response.text();
    };
    expect(await open({ acr_values: faceLivenessAcr })).to.contain('data-liveness="true"');
    expect(await open({ acr_values: faceAcr })).to.contain('data-liveness="false"');
    expect(await open({})).to.contain('data-liveness="false"');
  });
});
