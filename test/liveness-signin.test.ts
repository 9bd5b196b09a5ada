import { expect } from 'chai';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { flatAttackFrames } from '../src/eval/liveness/attacks.js';
import { performerFrom, performFrames } from '../src/eval/liveness/animate.js';
import { pasteFace } from '../src/eval/liveness/face-paste.js';
import sharp from 'sharp';
import { stepOfFrames } from '../src/face/liveness/challenge.js';
import { rasterOf } from '../src/eval/liveness/scene.js';
import { faceAcr, faceLivenessAcr } from '../src/oidc/acr.js';
import { Browser } from './support/browser.js';
import { callback, enrollPhotos, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { portrait } from './helpers/face-fixtures.js';
import {
  askFor,
  findHeadTurn,
  firstTimeline,
  firstTimelineFor,
  headTurnFrames,
  type HeadTurn,
} from './helpers/head-turn.js';
import { temporaryFolder } from './helpers/stores.js';
import { burst, challengeFor, startSignIn as startLiveSignIn } from './helpers/live-sign-in.js';

/** A photo pasted in the middle of a room of coloured panels, twice its size. */
async function inAnotherRoom(photo: Buffer): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  const panels = [
    [200, 80, 60],
    [40, 120, 170],
    [230, 210, 90],
    [90, 160, 80],
  ].map(([r, g, b], i) => ({
    input: {
      create: {
        width: Math.ceil(width / 2),
        height: height * 2,
        channels: 3 as const,
        background: { r: r!, g: g!, b: b! },
      },
    },
    left: i * Math.ceil(width / 2),
    top: 0,
  }));
  return sharp({
    create: { width: width * 2, height: height * 2, channels: 3, background: { r: 128, g: 128, b: 128 } },
  })
    .composite([...panels, { input: photo, left: Math.round(width / 2), top: Math.round(height / 2) }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Which step of the timeline frame `i` belongs to. */
const stepIndex = (i: number) => stepOfFrames(firstTimelineFor(['left', 'right']))[i].index;

describe('liveness challenge over HTTP (sign-in)', function () {
  this.timeout(300_000);
  let facegate: TestFacegate;
  let headTurn: HeadTurn;
  let turner: string;
  // Every challenge here asks for left then right, on the first timeline: centre 2, left 3, centre 1, right 3, centre 1.
  const steps = firstTimelineFor(['left', 'right']);

  before(async () => {
    facegate = await startTestFacegate(
      { type: 'sqlite', file: join(temporaryFolder(), 'liveness.sqlite') },
      undefined,
      { face: { workers: 2, liveness: 'challenge' } },
      { challengeMoves: askFor(['left', 'right']), challengeTimeline: firstTimeline },
    );
    // Alice is the first face-api demo face, enrolled from her photo.
    await enrollPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
    headTurn = await findHeadTurn(facegate.face.engine, steps);
    turner = headTurn.portrait === 0 ? 'alice' : 'turner';
    if (turner !== 'alice') await enrollPhotos(facegate, turner, 'Turner', [await portrait(headTurn.portrait)]);
  });
  after(async () => {
    await facegate?.close();
  });

  /** A head turn by a demo face other than alice's. */
  async function findOtherTurn(): Promise<HeadTurn> {
    for (const i of [1, 2, 3]) {
      const performer = await performerFrom(facegate.face.engine, await portrait(i), i);
      if (performer) return { portrait: i, performer };
    }
    throw new Error('no other demo face to animate');
  }

  const startSignIn = (extra: Record<string, string> = {}) => startLiveSignIn(facegate, extra);

  it('the page runs the challenge; one frame alone is refused', async () => {
    const { browser, page, html } = await startSignIn();
    expect(html).to.contain('data-liveness="true"');
    const jpeg = await portrait(0);
    const answer = await browser.json(`${page.pathname}/face`, {
      method: 'POST',
      body: jpeg,
      contentType: 'image/jpeg',
    });
    expect(answer.body).to.include({ error: 'liveness_required' });
  });

  it('a challenge asks for two moves with prompts, on its timeline (frames per step), for thirty seconds', async () => {
    const { browser, page } = await startSignIn();
    const challenge = await challengeFor(browser, page);
    expect(challenge.expiresIn).to.equal(30);
    const shown = challenge.steps as { prompt: string; move: string; frames: number }[];
    expect(shown.map((s) => s.move)).to.deep.equal(['centre', 'left', 'centre', 'right', 'centre']);
    expect(shown.map((s) => s.frames)).to.deep.equal([2, 3, 1, 3, 1]);
    expect(shown[1].prompt).to.equal('Turn your head slowly to your left');
  });

  for (const type of ['still', 'card', 'moved', 'phone'] as const) {
    it(`refuses an enrolled person's photo, ${type}: "we could not confirm a live person"`, async () => {
      const { browser, page } = await startSignIn();
      const { challenge } = await challengeFor(browser, page);
      const frames = await flatAttackFrames(type, await rasterOf(await portrait(0)), steps, 3);
      const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
      expect(answer.status).to.equal(422);
      expect(answer.body).to.include({ error: 'not_live', attemptsLeft: 4 });
      expect(answer.body.message).to.match(/could not confirm a live person/);
    });
  }

  it('refuses a burst sent again with its spent challenge', async () => {
    const { browser, page } = await startSignIn();
    const { challenge } = await challengeFor(browser, page);
    const frames = await flatAttackFrames('still', await rasterOf(await portrait(0)), steps, 4);
    await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
    const again = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
    expect(again.body).to.include({ error: 'challenge_replayed' });
  });

  it('refuses a challenge of another sign-in, or a forged one', async () => {
    const first = await startSignIn();
    const { challenge } = await challengeFor(first.browser, first.page);
    const second = await startSignIn();
    const frames = await flatAttackFrames('still', await rasterOf(await portrait(0)), steps, 5);
    expect(
      (await second.browser.json(`${second.page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) }))
        .body,
    ).to.include({ error: 'challenge_invalid' });
    expect(
      (
        await second.browser.json(`${second.page.pathname}/face`, {
          method: 'POST',
          body: burst(frames, 'e30.bm90LWEtc2lnbmF0dXJl'),
        })
      ).body,
    ).to.include({ error: 'challenge_invalid' });
  });

  it('signs in a head turning as asked, with the liveness acr in the ID token', async () => {
    const { browser, page, config, verifier } = await startSignIn({ acr_values: faceLivenessAcr });
    const { challenge } = await challengeFor(browser, page);
    const answer = await browser.json(`${page.pathname}/face`, {
      method: 'POST',
      body: burst(await headTurnFrames(headTurn, steps), challenge),
    });
    expect(answer.body, JSON.stringify(answer.body)).to.include({ status: 'accepted' });
    const { url: back } = await browser.navigate(answer.body.redirectTo as string);
    const tokens = await oidc.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier });
    expect(tokens.claims()).to.include({ sub: turner, acr: faceLivenessAcr });
  });

  it('the same head turn, its frames reordered to do the moves the other way, is refused', async () => {
    const { browser, page } = await startSignIn();
    const { challenge } = await challengeFor(browser, page);
    const reversed = (await headTurnFrames(headTurn, steps, 2)).map(
      (_, i, all) => all[[0, 1, 6, 7, 8, 5, 2, 3, 4, 9][i]],
    );
    const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(reversed, challenge) });
    expect(answer.body).to.include({ error: 'not_live' });
  });

  it('a collage of one person: the moves filmed in another room are refused, and the message says to hold still', async () => {
    const { browser, page } = await startSignIn({ login_hint: turner });
    const { challenge } = await challengeFor(browser, page);
    // The same photo of the same face, dropped into another picture: another room.
    const elsewhere = await performerFrom(
      facegate.face.engine,
      await inAnotherRoom(await portrait(headTurn.portrait)),
      9,
    );
    const [here, there] = await Promise.all([headTurnFrames(headTurn, steps, 4), performFrames(elsewhere!, steps, 4)]);
    const frames = here.map((frame, i) => (steps[stepIndex(i)].move === 'centre' ? frame : there[i]));
    const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
    expect(answer.body).to.include({ error: 'not_live' });
    expect(answer.body.message).to.match(/Keep your face in the oval and turn slowly/);
    const [event] = await facegate.store.audit.recent(1);
    expect(event!.detail).to.include({ reason: 'scene_changed' });
  });

  it("mixed identities in one room: the account's face pasted over someone else doing the moves is refused", async () => {
    const victim = await performerFrom(facegate.face.engine, await portrait(0), 5);
    const donor = { raster: victim!.scene, landmarks68: victim!.head.rest().slice(0, 68) };
    const { browser, page } = await startSignIn({ login_hint: 'alice' });
    const { challenge } = await challengeFor(browser, page);
    const impostor = headTurn.portrait === 0 ? await findOtherTurn() : headTurn;
    const frames = await Promise.all(
      (await headTurnFrames(impostor, steps, 5)).map(async (frame, i) => {
        if (steps[stepIndex(i)].move !== 'centre') return frame;
        const [face] = await facegate.face.engine.analyzeAll(frame);
        return pasteFace(frame, face!.landmarks68!, donor);
      }),
    );
    const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
    expect(answer.body).to.include({ error: 'not_live' });
  });

  it('a head turn whose right turn is its left turn mirrored in place (the head flipped, the room kept) is refused', async () => {
    const { browser, page } = await startSignIn({ login_hint: turner });
    const { challenge } = await challengeFor(browser, page);
    const frames = await headTurnFrames(headTurn, steps, 6);
    // Timeline: centre 0 1, left 2 3 4, centre 5, right 6 7 8, centre 9.
    for (const [right, left] of [
      [6, 2],
      [7, 3],
      [8, 4],
    ] as const)
      frames[right] = await headMirroredInPlace(frames[left]!);
    const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
    expect(answer.body).to.include({ error: 'not_live' });
    const [event] = await facegate.store.audit.recent(1);
    expect(event!.detail).to.include({ reason: 'mirrored_frames' });
  });

  /** The frame with the region around its face flipped left to right where it stands. */
  async function headMirroredInPlace(frame: Buffer): Promise<Buffer> {
    const [face] = await facegate.face.engine.analyzeAll(frame);
    const { width = 0, height = 0 } = await sharp(frame).metadata();
    const grow = face!.box.width * 0.35;
    const left = Math.max(0, Math.round(face!.box.x - grow));
    const top = Math.max(0, Math.round(face!.box.y - grow));
    const region = {
      left,
      top,
      width: Math.min(width - left, Math.round(face!.box.width + 2 * grow)),
      height: Math.min(height - top, Math.round(face!.box.height + 2 * grow)),
    };
    const flippedHead = await sharp(frame).extract(region).flop().toBuffer();
    return sharp(frame)
      .composite([{ input: flippedHead, left, top }])
      .jpeg({ quality: 90 })
      .toBuffer();
  }

  it('a head turn with one frame more than the timeline asked for is refused, and says to reload the page', async () => {
    const { browser, page } = await startSignIn();
    const { challenge } = await challengeFor(browser, page);
    const frames = await headTurnFrames(headTurn, steps, 3);
    const answer = await browser.json(`${page.pathname}/face`, {
      method: 'POST',
      body: burst([...frames, frames[9]], challenge),
    });
    expect(answer.body).to.include({ error: 'not_live' });
    expect(answer.body.message).to.match(/Reload the page/);
  });
});

describe('liveness asked for by the client (acr_values) where the configuration has it off', function () {
  this.timeout(120_000);
  let facegate: TestFacegate;
  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'acr.sqlite') });
  });
  after(async () => {
    await facegate?.close();
  });

  it('runs the challenge for that sign-in only', async () => {
    const issuer = new URL(facegate.issuer);
    const config = await oidc.discovery(issuer, 'spa', undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    const open = async (extra: Record<string, string>) => {
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid',
        code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
        ...extra,
      });
      const { response } = await new Browser(issuer.origin).navigate(url);
      return response.text();
    };
    expect(await open({ acr_values: faceLivenessAcr })).to.contain('data-liveness="true"');
    expect(await open({ acr_values: faceAcr })).to.contain('data-liveness="false"');
    expect(await open({})).to.contain('data-liveness="false"');
  });
});
