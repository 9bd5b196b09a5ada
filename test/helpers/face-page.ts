/**
 * A sign-in's face page driven over HTTP as its script drives it: open the RP's authorization URL
 * (code + PKCE), then post frames, ask for challenges, read the JSON answers. `headers` go with
 * every request of that browser (X-Forwarded-For, as a proxy in front of facegate sets it).
 */
import { expect } from 'chai';
import { Browser } from '../support/browser.js';
import { startAuthorization, type Authorization } from '../support/test-rp.js';

export interface FacePage {
  browser: Browser;
  /** The face page's URL (/interaction/:uid). */
  page: URL;
  html: string;
  rp: Authorization;
}

export async function openFacePage(
  issuer: URL,
  {
    clientId = 'spa',
    params = {},
    headers = {},
  }: { clientId?: string; params?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<FacePage> {
  const rp = await startAuthorization(issuer, clientId, params);
  const browser = new Browser(issuer.origin, headers);
  const { url: page, response } = await browser.navigate(rp.url);
  expect(page.pathname).to.match(/^\/interaction\//);
  return { browser, page, html: await response.text(), rp };
}

/** One JPEG frame to the face endpoint; `query` such as `?account=bob`. */
export function postFace({ browser, page }: Pick<FacePage, 'browser' | 'page'>, frame: Buffer, query = '') {
  return browser.json(`${page.pathname}/face${query}`, { method: 'POST', body: frame, contentType: 'image/jpeg' });
}

/** Asks for a liveness challenge, as the page does when "Verify my identity" is pressed. */
export function askChallenge({ browser, page }: Pick<FacePage, 'browser' | 'page'>) {
  return browser.json(`${page.pathname}/challenge`, { method: 'POST' });
}
