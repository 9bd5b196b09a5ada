import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser as Chromium, Page } from 'playwright-core';
import { faceLivenessAcr } from '../src/oidc/acr.js';
import { portrait, webcamFrame } from './helpers/face-fixtures.js';
import { pressVerify, settledStatus, startCamera } from './support/face-pages.js';
import { enrollPhotos, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { fakeWebcamOrSkip, launchWithWebcam, webcamMovie, webcamVideo } from './support/fake-webcam.js';
import {
  askFor,
  findHeadTurn,
  firstTimeline,
  firstTimelineFor,
  headTurnVideo,
  type HeadTurn,
} from './helpers/head-turn.js';
import { sentToCallback } from './support/face-browsers.js';
import { startAuthorization } from './support/test-rp.js';
import { temporaryFolder } from './helpers/stores.js';
import { screenshots } from './helpers/screenshots.js';

const FPS = 10;
/** Every challenge here asks for left then right on the first timeline (centre 2, left 3, centre 1, right 3, centre 1). */
const STEPS = firstTimelineFor(['left', 'right']);

/** A small grey square in the corner whose level counts the frames, so the test can tell where the looping video is. */
async function marked(frame: Buffer, index: number): Promise<Buffer> {
  const level = Math.min(255, index * 3);
  const square = await sharp({
    create: { width: 16, height: 16, channels: 3, background: { r: level, g: level, b: level } },
  })
    .png()
    .toBuffer();
  return sharp(frame)
    .composite([{ input: square, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The frame number the preview shows now (from the corner square). */
function frameShown(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 16;
    canvas.height = 16;
    const context = canvas.getContext('2d');
    context.drawImage(document.getElementById('preview'), 0, 0, 16, 16, 0, 0, 16, 16);
    return Math.round(context.getImageData(8, 8, 1, 1).data[1] / 3);
  })()`);
}

describe('liveness in the browser, with a fake webcam', function () {
  this.timeout(300_000);
  let facegate: TestFacegate;
  let headTurn: HeadTurn;
  const videos = mkdtempSync(join(tmpdir(), 'facegate-liveness-'));
  const browsers: Chromium[] = [];
  const shots = screenshots('liveness');

  before(async function () {
    fakeWebcamOrSkip(this);
    facegate = await startTestFacegate(
      { type: 'sqlite', file: join(temporaryFolder(), 'liveness-browser.sqlite') },
      undefined,
      { face: { workers: 2, liveness: 'challenge' } },
      { challengeMoves: askFor(['left', 'right']), challengeTimeline: firstTimeline },
    );
    await enrollPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
    headTurn = await findHeadTurn(facegate.face.engine, STEPS);
  });

  after(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await facegate?.close();
    rmSync(videos, { recursive: true, force: true });
  });

  async function signInPage(
    video: string,
  ): Promise<{ page: Page; rp: Awaited<ReturnType<typeof startAuthorization>> }> {
    const browser = await launchWithWebcam(video);
    browsers.push(browser);
    const page = await (await browser.newContext({ viewport: { width: 1000, height: 820 } })).newPage();
    const rp = await startAuthorization(new URL(facegate.issuer), 'spa', { acr_values: faceLivenessAcr });
    await page.goto(rp.url.href);
    await startCamera(page);
    return { page, rp };
  }

  it('refuses the photo of an enrolled person held still in front of the camera', async () => {
    const video = await webcamVideo(await webcamFrame(await portrait(0)), videos, 'still-photo');
    const { page } = await signInPage(video);
    await pressVerify(page);
    // The page plays the challenge's prompts over the preview.
    await page.locator('#prompt', { hasText: 'Turn your head slowly to your left' }).waitFor();
    await shots.shoot(page, 'prompt-left');
    const status = await settledStatus(page);
    await shots.shoot(page, 'refused-not-live');
    expect(status.tone).to.equal('error');
    expect(status.text).to.match(/We could not confirm a live person/);
  });

  it('signs in a person who turns their head as the prompts ask', async () => {
    const turner = headTurn.portrait === 0 ? 'alice' : 'turner';
    if (turner !== 'alice') await enrollPhotos(facegate, turner, 'Turner', [await portrait(headTurn.portrait)]);
    // The video starts a second before "Verify" is pressed (the test presses it when the loop comes round to that second).
    const filmed = await headTurnVideo(headTurn, STEPS, FPS, { leadMs: 1000 });
    const frames = await Promise.all(filmed.map((frame, i) => marked(frame, i)));
    const video = await webcamMovie(frames, videos, 'head-turn', FPS);
    const { page, rp } = await signInPage(video);
    // Press "Verify" a second into the looping video, so the turns come when the prompts ask.
    for (let waited = 0; waited < 20_000; waited += 20) {
      if ((await frameShown(page)) === FPS) break;
      await page.waitForTimeout(20);
    }
    const landed = sentToCallback(page);
    await pressVerify(page);
    const tokens = await rp.tokens(await landed);
    expect(tokens.claims()).to.include({ sub: turner, acr: faceLivenessAcr });
  });
});
