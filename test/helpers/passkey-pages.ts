/**
 * The passkey ceremonies as a page's script runs them, but from the test, so that it can send what
 * an attacker would: an answer twice, a grant of its choosing, options it changed. Each runs in
 * the page (its cookies, its origin, its virtual authenticator) with @simplewebauthn/browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { webauthnBrowserFolder } from '../../interactions/views.js';
import { CONSENT, multipart, framesOf } from './face-uploads.js';
import { createInvitation } from '../../src/access/invitations.js';
import type { TestFacegate } from '../support/facegate.js';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const IN_PAGE_POST = `async (url, body) => {
  const init = body === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const r = await fetch(url, init);
  return { status: r.status, body: await r.json().catch(() => ({})) };
}`;

/** Puts @simplewebauthn/browser in a page that does not load it (outside its CSP, as axe is put in). */
export async function withWebauthnBrowser(page: Page): Promise<void> {
  if (await page.evaluate('typeof window.SimpleWebAuthnBrowser === "object"')) return;
  await page.evaluate(readFileSync(join(webauthnBrowserFolder, 'index.umd.min.js'), 'utf8'));
}

/** POST with a JSON body (or none), from the page. */
export function postFromPage(page: Page, url: string, body?: unknown): Promise<Answer> {
  return page.evaluate(
    `(${IN_PAGE_POST})(${JSON.stringify(url)}, ${body === undefined ? 'undefined' : JSON.stringify(body)})`,
  );
}

/**
 * On a sign-in page: asks for the passkey options, lets the authenticator answer them (with the
 * allowed credentials dropped when `anyCredential`: a client that ignores them), sends the answer.
 */
export async function passkeyInPage(
  page: Page,
  { anyCredential = false } = {},
): Promise<{ response: unknown; answer: Answer }> {
  await withWebauthnBrowser(page);
  const base = new URL(page.url()).pathname.replace(/\/$/, '');
  return page.evaluate(`(async () => {
    const post = ${IN_PAGE_POST};
    const offered = await post('${base}/passkey/options');
    if (!offered.body.options) return { response: null, answer: offered };
    const options = offered.body.options;
    if (${anyCredential}) options.allowCredentials = [];
    const response = await SimpleWebAuthnBrowser.startAuthentication({ optionsJSON: options });
    return { response, answer: await post('${base}/passkey', { response }) };
  })()`);
}

/** Registers a passkey from the page: options asked with `optionsGrant`, the answer sent with `answerGrant`. */
export async function registerInPage(
  page: Page,
  optionsGrant: unknown,
  answerGrant: unknown = optionsGrant,
): Promise<Answer> {
  await withWebauthnBrowser(page);
  return page.evaluate(`(async () => {
    const post = ${IN_PAGE_POST};
    const offered = await post('/passkeys/register/options', { grant: ${JSON.stringify(optionsGrant)} });
    if (!offered.body.options) return offered;
    const response = await SimpleWebAuthnBrowser.startRegistration({ optionsJSON: offered.body.options });
    return post('/passkeys/register', { grant: ${JSON.stringify(answerGrant)}, response });
  })()`);
}

/** Enrols `accountId` over HTTP with three frames of demo face `face`, as the page does: the passkey grant the answer carries. */
export async function grantFromEnrolment(facegate: TestFacegate, accountId: string, face: number): Promise<string> {
  const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, { accountId, ttlSeconds: 600 });
  const answer = await fetch(link, { method: 'POST', body: multipart(await framesOf(face), CONSENT) });
  const body = (await answer.json()) as { status: string; passkeyGrant?: string };
  if (body.status !== 'enrolled' || !body.passkeyGrant)
    throw new Error(`enrolment of ${accountId}: ${JSON.stringify(body)}`);
  return body.passkeyGrant;
}
