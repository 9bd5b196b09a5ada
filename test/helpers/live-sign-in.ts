/**
 * A sign-in with the live check, over HTTP as the page's script makes it: the RP's authorization
 * request (code flow, PKCE), a challenge, the burst of frames with it, and, when accepted, the code
 * exchanged for the ID token.
 */
import * as oidc from 'openid-client';
import { Browser } from '../support/browser.js';
import { callback, type TestFacegate } from '../support/facegate.js';

/** A burst answering a challenge, as the page sends it. */
export function burst(frames: Buffer[], challenge: unknown): FormData {
  const form = new FormData();
  form.append('challenge', String(challenge));
  frames.forEach((frame, i) => form.append('frame', new Blob([frame], { type: 'image/jpeg' }), `frame-${i}.jpg`));
  return form;
}

/** The RP sends the browser to the provider: the sign-in page, and what finishing needs. */
export async function startSignIn(facegate: TestFacegate, extra: Record<string, string> = {}) {
  const issuer = new URL(facegate.issuer);
  const config = await oidc.discovery(issuer, 'spa', undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
  const verifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callback,
    scope: 'openid',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  const browser = new Browser(issuer.origin);
  const { url: page, response } = await browser.navigate(url);
  return { browser, page, html: await response.text(), config, verifier };
}

/** The page asks for a challenge. */
export async function challengeFor(browser: Browser, page: URL): Promise<Record<string, unknown>> {
  return (await browser.json(`${page.pathname}/challenge`, { method: 'POST' })).body;
}

/** A whole sign-in with `frames` as the burst: the face endpoint's answer, and the ID token's claims when accepted. */
export async function liveSignIn(facegate: TestFacegate, frames: Buffer[], extra: Record<string, string> = {}) {
  const { browser, page, config, verifier } = await startSignIn(facegate, extra);
  const { challenge } = await challengeFor(browser, page);
  const answer = await browser.json(`${page.pathname}/face`, { method: 'POST', body: burst(frames, challenge) });
  if (answer.body.status !== 'accepted') return { answer: answer.body, claims: undefined };
  const { url: back } = await browser.navigate(answer.body.redirectTo as string);
  const tokens = await oidc.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier });
  return { answer: answer.body, claims: tokens.claims() };
}
