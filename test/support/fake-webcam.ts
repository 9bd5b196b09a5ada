/**
 * A fake webcam for Chromium: a still 640x480 frame turned into a short .y4m video with ffmpeg, and
 * a Chromium launched to play it as its camera. The video is a launch flag, so each video needs
 * a browser of its own; pages and contexts of that browser all see the same camera.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumMissing, chromiumPath, launchChromium } from './chromium.js';

export const ffmpegMissing =
  'fake-webcam tests skipped: no ffmpeg on PATH to make the webcam videos (install it: apt-get install -y ffmpeg)';

/** Why a fake webcam cannot run here (a missing Debian package, and how to install it), or undefined. */
export function fakeWebcamMissing(): string | undefined {
  if (!existsSync(chromiumPath)) return chromiumMissing;
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).error) return ffmpegMissing;
  return undefined;
}

/** Skips the suite (or test), saying which package to install, when Chromium or ffmpeg is missing. */
export function fakeWebcamOrSkip(context: Mocha.Context): void {
  const missing = fakeWebcamMissing();
  if (!missing) return;
  console.warn(`      ${missing}`);
  context.skip();
}

/**
 * A .y4m video of `frame` (a 640x480 JPEG or PNG) standing still, at `folder/name.y4m`. Chromium
 * loops the file, so a few frames are enough: 5 frames at 5 fps, about 2.3 MB.
 */
export async function webcamVideo(frame: Buffer, folder: string, name: string): Promise<string> {
  const still = join(folder, `${name}.frame`);
  const video = join(folder, `${name}.y4m`);
  await writeFile(still, frame);
  await run('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-loop',
    '1',
    '-i',
    still,
    '-frames:v',
    '5',
    '-r',
    '5',
    '-pix_fmt',
    'yuv420p',
    '-f',
    'yuv4mpegpipe',
    video,
  ]);
  return video;
}

/** A .y4m video of `frames` (640x480 JPEGs) at `fps`, at `folder/name.y4m`. */
export async function webcamMovie(frames: Buffer[], folder: string, name: string, fps: number): Promise<string> {
  const pattern = join(folder, `${name}-%04d.jpg`);
  await Promise.all(frames.map((frame, i) => writeFile(pattern.replace('%04d', String(i).padStart(4, '0')), frame)));
  const video = join(folder, `${name}.y4m`);
  await run('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-framerate',
    String(fps),
    '-i',
    pattern,
    '-pix_fmt',
    'yuv420p',
    '-f',
    'yuv4mpegpipe',
    video,
  ]);
  return video;
}

/** Chromium whose camera plays `video`, granted without a prompt. */
export function launchWithWebcam(video: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

/** One Chromium per fake-webcam video, launched when first asked for and kept until close(). */
export class Webcams {
  private readonly browsers = new Map<string, Promise<Browser>>();

  /** Videos go to `folder` (a temporary one: they are a few MB each, and never committed). */
  constructor(private readonly folder: string) {}

  /** The browser whose camera shows the frame `makeFrame` gives; one name, one browser. */
  browser(name: string, makeFrame: () => Promise<Buffer>): Promise<Browser> {
    let browser = this.browsers.get(name);
    if (!browser) {
      browser = makeFrame()
        .then((frame) => webcamVideo(frame, this.folder, name))
        .then(launchWithWebcam);
      this.browsers.set(name, browser);
    }
    return browser;
  }

  async close(): Promise<void> {
    const all = [...this.browsers.values()];
    this.browsers.clear();
    await Promise.all(
      all.map((browser) =>
        browser.then(
          (b) => b.close(),
          () => undefined,
        ),
      ),
    );
  }
}
