/**
 * The setting of the browser suites that drive the face pages as people do: a test facegate on
 * SQLite without the live check (an RP may still ask for it), one face worker, 5 attempts a
 * sign-in and no network limit to speak of, consent asked with an operator's name and policy link; and fake webcams showing faces cut from the photos
 * @vladmandic/face-api ships.
 */
import { join } from 'node:path';
import { FaceBrowsers } from '../support/face-browsers.js';
import { startTestFacegate, type TestFacegate } from '../support/facegate.js';
import { fakeWebcamOrSkip, Webcams } from '../support/fake-webcam.js';
import { emptyFrame, portrait, variants, webcamFrame } from './face-fixtures.js';
import { temporaryFolder } from './stores.js';

/** What each fake webcam shows, in 640x480. */
export const demoCameras = {
  alice: async () => webcamFrame(await portrait(0), 360),
  /** Alice again, another day: mirrored, farther from the camera. */
  aliceLater: async () => webcamFrame(await variants.flipped(await portrait(0)), 300),
  bob: async () => webcamFrame(await portrait(2), 360),
  stranger: async () => webcamFrame(await portrait(1), 360),
  nobody: emptyFrame,
};
export type DemoCamera = keyof typeof demoCameras;

export interface FacePagesSuite {
  facegate: TestFacegate;
  issuer: URL;
  browsers: FaceBrowsers<DemoCamera>;
  close(): Promise<void>;
}

export async function startFacePagesSuite(): Promise<FacePagesSuite> {
  const facegate = await startTestFacegate(
    { type: 'sqlite', file: join(temporaryFolder(), 'facegate.sqlite') },
    undefined,
    {
      face: {
        workers: 1,
        liveness: 'off',
        attempts: { perInteraction: 5, perIp: { max: 1000, windowSeconds: 900 } },
        retention: { inactiveDays: 365 },
      },
      // The consent text as an operator would set it up (the README's screenshots show it).
      consent: { operator: 'Example Ltd (privacy@example.com)', policyUrl: 'https://example.com/privacy' },
    },
  );
  const issuer = new URL(facegate.issuer);
  const webcams = new Webcams(temporaryFolder());
  return {
    facegate,
    issuer,
    browsers: new FaceBrowsers(webcams, issuer, demoCameras),
    async close() {
      await webcams.close();
      await facegate.close();
    },
  };
}

/**
 * Registers the suite's hooks in the enclosing describe (skipped, saying what to install, without
 * Chromium or ffmpeg); the fields are there once its `before` has run.
 */
export function useFacePagesSuite(): FacePagesSuite {
  const suite = {} as FacePagesSuite;
  before(async function () {
    fakeWebcamOrSkip(this);
    Object.assign(suite, await startFacePagesSuite());
  });
  after(async () => {
    await suite.close?.();
  });
  return suite;
}
