import { expect } from 'chai';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { createInvitation } from '../src/access/invitations.js';
import { Browser } from './support/browser.js';
import { callback, loggedOut, startTestFacegate, testClients, type TestFacegate } from './support/facegate.js';
import { finishLogin } from './helpers/finish-login.js';
import { freePort } from './support/free-port.js';
import { signIn } from './helpers/sign-in.js';
import { temporaryFolder } from './helpers/stores.js';
import { startAuthorization } from './support/test-rp.js';

/**
 * Issue 7, security headers: every HTML page facegate serves (ours and the ones oidc-provider writes)
 * has a Content-Security-Policy whose per-response nonce is on each of its scripts, with no
 * 'unsafe-inline'; the sign-in and enrolment pages cannot be framed; interaction answers are never
 * cached; cookies are HttpOnly and SameSite, and Secure behind TLS.
 */

/** The page's CSP, checked: a nonce, no unsafe-inline, every script tag carries the nonce. */
async function checkedPage(
  response: Response,
): Promise<{ csp: string; nonce: string; scripts: string[]; html: string }> {
  expect(response.headers.get('content-type')).to.include('text/html');
  const csp = response.headers.get('content-security-policy') ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
  expect(nonce, `a nonce in the CSP of ${response.url}: ${csp}`).to.have.length.above(15);
  expect(csp).to.not.include('unsafe-inline');
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  for (const tag of scripts) expect(tag, `${response.url}: ${tag}`).to.include(`nonce="${nonce}"`);
  return { csp, nonce, scripts, html };
}

function directive(csp: string, name: string): string | undefined {
  return csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
}

describe('security headers: CSP with nonces, no framing, no caching', function () {
  this.timeout(60_000);
  let facegate: TestFacegate;
  let issuer: URL;

  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'headers.sqlite') });
    issuer = new URL(facegate.issuer);
    await facegate.store.accounts.upsert({ id: 'alice', name: 'Alice' });
  });
  after(async () => {
    await facegate?.close();
  });

  async function loginPage(clientId = 'spa', extra: Record<string, string> = {}) {
    const browser = new Browser(issuer.origin);
    const { url, response } = await browser.navigate((await startAuthorization(issuer, clientId, extra)).url);
    expect(url.pathname).to.match(/^\/interaction\//);
    return { browser, url, response };
  }

  it('the sign-in page: its script carries the nonce, framing is refused, never cached', async () => {
    const { response } = await loginPage();
    const { csp, scripts } = await checkedPage(response);
    // The page's script, and with passkeys on, @simplewebauthn/browser's bundle and the passkey script.
    expect(scripts).to.have.length(3);
    expect(directive(csp, 'frame-ancestors')).to.equal("frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).to.equal('no-store');
  });

  it('a new nonce for every response', async () => {
    const { browser, url } = await loginPage();
    const first = await checkedPage(await browser.request(url));
    const second = await checkedPage(await browser.request(url));
    expect(first.nonce).to.not.equal(second.nonce);
  });

  it('the enrolment page, and its page for a link that does not work', async () => {
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'carol',
      ttlSeconds: 600,
    });
    const page = await fetch(link);
    const { csp, scripts } = await checkedPage(page);
    // The page's script, and with passkeys on, @simplewebauthn/browser's bundle.
    expect(scripts).to.have.length(2);
    expect(directive(csp, 'frame-ancestors')).to.equal("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).to.equal('no-store');
    const broken = await fetch(new URL('/enroll/not-a-link', issuer));
    expect(broken.status).to.equal(404);
    expect(directive((await checkedPage(broken)).csp, 'frame-ancestors')).to.equal("frame-ancestors 'none'");
  });

  it('the consent page', async () => {
    const { browser, url } = await loginPage('web');
    const { response } = await browser.navigate(await finishLogin(facegate.provider, url, 'alice'));
    const { html } = await checkedPage(response);
    expect(html).to.include('asks for access');
    expect(response.headers.get('cache-control')).to.equal('no-store');
  });

  it('error pages: ours (an expired sign-in) and the ones oidc-provider renders through our views', async () => {
    const expired = await fetch(new URL('/interaction/made-up', issuer), { headers: { accept: 'text/html' } });
    expect((await checkedPage(expired)).html).to.include('This sign-in has expired');
    expect(expired.headers.get('cache-control')).to.equal('no-store');
    const unknownClient = await fetch(
      new URL(
        `/auth?${new URLSearchParams({ client_id: 'nobody', response_type: 'code', scope: 'openid', redirect_uri: callback })}`,
        issuer,
      ),
    );
    expect((await checkedPage(unknownClient)).html).to.include('invalid_client');
  });

  it('the form_post page oidc-provider writes: its inline script carries the nonce', async () => {
    const rp = await startAuthorization(issuer, 'spa', { response_mode: 'form_post' });
    const { response } = await signIn(new Browser(issuer.origin), facegate, rp.url, 'alice');
    const { csp, nonce, scripts, html } = await checkedPage(response);
    expect(html).to.include(`action="${callback}"`);
    expect(scripts).to.deep.equal([`<script nonce="${nonce}">`]);
    expect(directive(csp, 'script-src')).to.include(`'nonce-${nonce}'`);
  });

  it('sign-out pages: the question, the signed-out page, and the auto-submitted form without a session', async () => {
    const browser = new Browser(issuer.origin);
    const config = await oidc.discovery(issuer, 'spa', undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    const verifier = oidc.randomPKCECodeVerifier();
    const { url: back } = await signIn(
      browser,
      facegate,
      oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
      'alice',
    );
    const tokens = await oidc.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier });

    const question = await checkedPage(
      (await browser.navigate(oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token! }))).response,
    );
    expect(question.html).to.include('Sign out of facegate?');
    const form = Object.fromEntries(
      [...question.html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const action = /action="([^"]+)"/.exec(question.html)![1];
    const { response: done } = await browser.navigate(action, { form: { ...form, logout: 'yes' } });
    expect((await checkedPage(done)).html).to.include('Signed out');

    // No session any more: oidc-provider answers with a form that submits itself, an inline script.
    const again = await checkedPage(
      (await browser.navigate(`/session/end?client_id=spa&post_logout_redirect_uri=${encodeURIComponent(loggedOut)}`))
        .response,
    );
    expect(again.scripts).to.have.length(1);
  });

  it('JSON answers of the interaction endpoints are never cached either', async () => {
    const { browser, url } = await loginPage();
    const refused = await browser.json(`${url.pathname}/face`, {
      method: 'POST',
      body: 'x',
      contentType: 'text/plain',
    });
    expect(refused.status).to.equal(415);
    expect(refused.headers.get('cache-control')).to.equal('no-store');
    const challenge = await browser.json(`${url.pathname}/challenge`, { method: 'POST' });
    expect(challenge.status).to.equal(200);
    expect(challenge.headers.get('cache-control')).to.equal('no-store');
    // Another browser (no cookie of this sign-in): refused as JSON, not cached.
    const stranger = await new Browser(issuer.origin).json(`${url.pathname}/face`, {
      method: 'POST',
      body: 'x',
      contentType: 'image/jpeg',
    });
    expect(stranger.status).to.equal(400);
    expect(stranger.headers.get('cache-control')).to.equal('no-store');
    const enrol = await new Browser(issuer.origin).json('/enroll/not-a-link', {
      method: 'POST',
      body: 'x',
      contentType: 'image/jpeg',
    });
    expect(enrol.status).to.equal(410);
    expect(enrol.headers.get('cache-control')).to.equal('no-store');
  });

  it('every response carries nosniff, no-referrer, COOP same-origin and a Permissions-Policy: the camera on the face pages only', async () => {
    const { url: face } = await loginPage();
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'dora',
      ttlSeconds: 600,
    });
    const responses: [string, Response, boolean][] = [
      ['the sign-in page', await new Browser(issuer.origin).request(face), true],
      ['the enrolment page', await fetch(link), true],
      ['a stylesheet', await fetch(new URL('/static/facegate.css', issuer)), false],
      ['a script', await fetch(new URL('/static/signin.js', issuer)), false],
      ['discovery', await fetch(new URL('/.well-known/openid-configuration', issuer)), false],
      ['the JWKS', await fetch(new URL('/jwks', issuer)), false],
      ['/healthz', await fetch(new URL('/healthz', issuer)), false],
      ['an unknown path', await fetch(new URL('/no-such-page', issuer)), false],
      [
        'a token error',
        await fetch(new URL('/token', issuer), {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'nonsense' }),
        }),
        false,
      ],
      [
        'an error page',
        await fetch(
          new URL(
            `/auth?${new URLSearchParams({ client_id: 'nobody', response_type: 'code', scope: 'openid', redirect_uri: callback })}`,
            issuer,
          ),
        ),
        false,
      ],
    ];
    for (const [what, response, camera] of responses) {
      expect(response.headers.get('x-content-type-options'), what).to.equal('nosniff');
      expect(response.headers.get('referrer-policy'), what).to.equal('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy'), what).to.equal('same-origin');
      const permissions = response.headers.get('permissions-policy') ?? '';
      expect(permissions, what)
        .to.include(camera ? 'camera=(self)' : 'camera=()')
        .and.include('microphone=()');
      await response.arrayBuffer();
    }
  });

  it('cookies are HttpOnly and SameSite=Lax; not Secure on an http issuer', async () => {
    const browser = new Browser(issuer.origin);
    await signIn(browser, facegate, (await startAuthorization(issuer)).url, 'alice');
    expect(browser.setCookieLines.length).to.be.above(3);
    for (const line of browser.setCookieLines) {
      expect(line.toLowerCase(), line).to.include('httponly').and.include('samesite=lax').and.not.include('secure');
    }
  });
});

describe('cookies behind a TLS-terminating proxy (https issuer, proxy: true)', function () {
  this.timeout(60_000);
  let facegate: TestFacegate;

  before(async () => {
    const port = await freePort();
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'https.sqlite') }, port, {
      issuer: `https://localhost:${port}`,
      proxy: true,
      development: {},
      clients: testClients.filter((client) => client.client_id === 'spa'),
    });
    await facegate.store.accounts.upsert({ id: 'alice', name: 'Alice' });
  });
  after(async () => {
    await facegate?.close();
  });

  it('every cookie of a sign-in is Secure, HttpOnly and SameSite=Lax', async () => {
    const origin = `http://localhost:${facegate.port}`;
    // What the proxy adds: the request reached it over TLS.
    const browser = new Browser(origin, { 'x-forwarded-proto': 'https' });
    const viaProxy = (url: URL) => new URL(`${url.pathname}${url.search}`, origin);
    const authorize = `/auth?${new URLSearchParams({
      client_id: 'spa',
      response_type: 'code',
      redirect_uri: callback,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    })}`;
    const { url: interaction } = await browser.navigate(authorize);
    expect(interaction.pathname).to.match(/^\/interaction\//);
    let step = await browser.navigate(viaProxy(await finishLogin(facegate.provider, interaction, 'alice')));
    if (step.url.origin !== new URL(callback).origin) step = await browser.navigate(viaProxy(step.url));
    expect(step.url.href.startsWith(callback), step.url.href).to.equal(true);
    const names = new Set(browser.setCookieLines.map((line) => line.split('=')[0]));
    expect([...names]).to.include.members(['_interaction', '_interaction_resume', '_session']);
    for (const line of browser.setCookieLines) {
      expect(line.toLowerCase(), line).to.include('secure').and.include('httponly').and.include('samesite=lax');
    }
  });
});
