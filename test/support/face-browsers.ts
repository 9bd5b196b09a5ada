/**
 * Browsers with fake webcams against one test facegate: fresh pages (no provider session) whose
 * camera shows a given frame, and the test RP's code + PKCE sign-ins opened in them. Script errors
 * and Content-Security-Policy violations on any of their pages are collected for a test to check.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { callback } from './facegate.js';
import { startCamera } from './face-pages.js';
import { listenToLiveRegions } from './live-regions.js';
import type { Webcams } from './fake-webcam.js';
import { startAuthorization, type Authorization } from './test-rp.js';

export class FaceBrowsers<Camera extends string> {
  readonly pageErrors: string[] = [];

  constructor(
    private readonly webcams: Webcams,
    private readonly issuer: URL,
    private readonly cameras: Record<Camera, () => Promise<Buffer>>,
  ) {}

  /** A page in a fresh browser profile whose camera shows `camera` (`options`: a locale, another viewport). */
  async newPage(camera: Camera, options: BrowserContextOptions = {}): Promise<Page> {
    const browser = await this.webcams.browser(camera, this.cameras[camera]);
    const context = await browser.newContext({ viewport: { width: 1000, height: 820 }, ...options });
    await listenToLiveRegions(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        this.pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    return page;
  }

  /** An authorization started by the test RP, opened on a new page, camera on. */
  async signInPage(
    camera: Camera,
    clientId = 'spa',
    extra: Record<string, string> = {},
    options: BrowserContextOptions = {},
  ): Promise<{ page: Page; rp: Authorization }> {
    const page = await this.newPage(camera, options);
    const rp = await startAuthorization(this.issuer, clientId, extra);
    await page.goto(rp.url.href);
    await startCamera(page);
    return { page, rp };
  }
}

/** The URL of the test RP's callback once the page is sent there (nothing listens: the request is enough). */
export function sentToCallback(page: Page): Promise<URL> {
  return page.waitForRequest((request) => request.url().startsWith(callback)).then((request) => new URL(request.url()));
}
