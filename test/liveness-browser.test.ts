import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser as Chromium, Page } from 'playwright-core';
import { faceLivenessAcr } from '../src/oidc/acr.js';
import { framed } from '../src/eval/liveness/bona-fide.js';
import { portrait, webcamFrame } from './helpers/face-fixtures.js';
import { pressVerify, settledStatus, startCamera } from './helpers/face-pages.js';
import { enrolPhotos, startTestFacegate, type TestFacegate } from './helpers/facegate.js';
import { fakeWebcamOrSkip, launchWithWebcam, webcamMovie, webcamVideo } from './helpers/fake-webcam.js';
import { askFor, findHeadTurn, sharedFacesMissing, type HeadTurn } from './helpers/head-turn.js';
import { sentToCallback } from './helpers/face-browsers.js';
import { startAuthorization } from './helpers/test-rp.js';
import { temporaryFolder } from './helpers/stores.js';
import { screenshots } from './helpers/screenshots.js';

const FPS = 10;
/**
 * The head-turn video, in seconds, against the page's schedule for a [left, right] challenge
 * (public/camera.js): frames at about 0.5 and 0.8 s after "Verify", 1.8 to 2.5 s (left), 3.5 s,
 * 4.5 to 5.2 s (right) and 6.2 s. Each pose holds with some 0.3 s to spare either side.
 */
const SEGMENTS: { pose: 'start' | 'left' | 'back' | 'right' | 'end'; seconds: number }[] = [
  { pose: 'start', seconds: 1.3 }, { pose: 'left', seconds: 1.7 }, { pose: 'back', seconds: 1.0 },
  { pose: 'right', seconds: 1.6 }, { pose: 'end', seconds: 2.4 },
];
/** Which photo of the head turn's sequence (its timeline: centre 2, left 3, centre, right 3, centre) each pose shows. */
const PHOTO = { start: 0, left: 3, back: 5, right: 7, end: 9 } as const;

/** A small grey square in the corner whose level counts the frames, so the test can tell where the looping video is. */
async function marked(frame: Buffer, index: number): Promise<Buffer> {
  const level = Math.min(255, index * 3);
  const square = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: level, g: level, b: level } } }).png().toBuffer();
  return sharp(frame).composite([{ input: square, left: 0, top: 0 }]).jpeg({ quality: 90 }).toBuffer();
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
  let headTurn: HeadTurn | undefined;
  const videos = mkdtempSync(join(tmpdir(), 'facegate-liveness-'));
  const browsers: Chromium[] = [];
  const shots = screenshots('liveness');

  before(async function () {
    fakeWebcamOrSkip(this);
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'liveness-browser.sqlite') }, undefined,
      { face: { workers: 2, liveness: 'challenge' } }, { challengeMoves: askFor(['left', 'right']) });
    await enrolPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
    headTurn = await findHeadTurn(facegate.face.engine, ['left', 'right']);
  });

  after(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await facegate?.close();
    rmSync(videos, { recursive: true, force: true });
  });

  async function signInPage(video: string): Promise<{ page: Page; rp: Awaited<ReturnType<typeof startAuthorization>> }> {
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

  it('signs in a person who turns their head as the prompts ask', async function () {
    if (!headTurn) {
      console.warn(`      ${sharedFacesMissing}, or nobody in it turns both ways`);
      this.skip();
    }
    const photos = headTurn!.sequence;
    await enrolPhotos(facegate, 'turner', headTurn!.person, [photos[0]!.bytes, photos[5]!.bytes]);

    const frames: Buffer[] = [];
    for (const { pose, seconds } of SEGMENTS) {
      for (let i = 0; i < Math.round(seconds * FPS); i++) frames.push(await marked(await framed(photos[PHOTO[pose]]!.bytes, 7000 + frames.length), frames.length));
    }
    const video = await webcamMovie(frames, videos, 'head-turn', FPS);
    const { page, rp } = await signInPage(video);
    // Press "Verify" just as the looping video starts again, so the turns come when the prompts ask.
    for (let waited = 0; waited < 20_000; waited += 20) {
      if (await frameShown(page) <= 1) break;
      await page.waitForTimeout(20);
    }
    const landed = sentToCallback(page);
    await pressVerify(page);
    const tokens = await rp.tokens(await landed);
    expect(tokens.claims()).to.include({ sub: 'turner', acr: faceLivenessAcr });
  });
});
