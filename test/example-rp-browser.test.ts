import { expect } from 'chai';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureBuilt } from '../example-rp/server/ensure-built.js';
import { startExampleRp, type RunningExampleRp } from '../example-rp/server/server.js';
import { createInvitation } from '../src/access/invitations.js';
import { en } from '../src/messages/en.js';
import { facePasskeyAcr } from '../src/oidc/acr.js';
import { portrait, webcamFrame } from './helpers/face-fixtures.js';
import { enrollOnPage, pressVerify, startCamera } from './support/face-pages.js';
import { startTestFacegate, testClients, type TestFacegate } from './support/facegate.js';
import { fakeWebcamOrSkip, Webcams } from './support/fake-webcam.js';
import { freePort } from './support/free-port.js';
import { screenshots } from './helpers/screenshots.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * The example RP in Chromium against facegate, as a person uses it, with a fake webcam showing
 * Alice (a face from the photos @vladmandic/face-api ships): she opens the RP, presses "Sign in",
 * enrols from her invitation link on the provider's pages, verifies her face, reads her profile,
 * signs out; nothing is finished behind the browser's back.
 */
describe('example RP in a browser, signing in with a face', function () {
  this.timeout(180_000);
  let facegate: TestFacegate;
  let rp: RunningExampleRp;
  let webcams: Webcams;
  let context: BrowserContext;
  let page: Page;
  const { shoot: shootPage } = screenshots('example-rp');
  /** Console errors on the RP's pages: a CSP violation shows up here. */
  const rpConsoleErrors: string[] = [];

  before(async function () {
    fakeWebcamOrSkip(this);
    await ensureBuilt();
    const rpPort = await freePort();
    const exampleRp = {
      client_id: 'example-rp',
      client_name: 'facegate example RP',
      first_party: true,
      token_endpoint_auth_method: 'none',
      redirect_uris: [`http://localhost:${rpPort}/callback`],
      post_logout_redirect_uris: [`http://localhost:${rpPort}/`],
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
    };
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'rp.sqlite') }, undefined, {
      clients: [...testClients, exampleRp],
    });
    rp = await startExampleRp({ authority: facegate.issuer, clientId: 'example-rp', port: rpPort, host: 'localhost' });
    webcams = new Webcams(temporaryFolder());
    const browser = await webcams.browser('alice', async () => webcamFrame(await portrait(0), 360));
    context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith(rp.url)) rpConsoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => rpConsoleErrors.push(error.message));
  });

  after(async () => {
    await webcams?.close();
    await rp?.close();
    await facegate?.close();
  });

  const onInteraction = (url: URL) => url.origin === facegate.issuer && url.pathname.startsWith('/interaction/');
  /** oidc-client-ts's user entries in the tab's sessionStorage (run in the page, not in Node). */
  const storedUsers = () =>
    page.evaluate<string[]>("Object.keys(sessionStorage).filter((key) => key.startsWith('oidc.user:'))");
  const shoot = (name: string) => shootPage(page, name);

  it('home page: a public page with "Sign in" and the provider it is configured with', async () => {
    await page.goto(rp.url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.textContent('body'))
      .to.include(`${facegate.issuer}/.well-known/openid-configuration`)
      .and.include('example-rp');
    await shoot('home');
  });

  it('signs in after enrolling on the provider\'s pages: code flow and PKCE, "Hello, <name>" with the ID token claims and amr face', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(onInteraction);
    await page.getByRole('heading', { name: 'facegate example RP' }).waitFor();
    await shoot('provider-signin');
    // Alice is not enrolled yet: her invitation link opens the enrolment page in another tab,
    // where she types her name; then she comes back to the sign-in page.
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'alice',
      ttlSeconds: 600,
    });
    const tab = await context.newPage();
    expect((await enrollOnPage(tab, link, 'Alice Liddell')).tone).to.equal('success');
    await tab.close();
    await startCamera(page);
    await pressVerify(page);
    await page.waitForURL(`${rp.url}/protected`);
    await page.getByRole('heading', { name: 'Hello, Alice Liddell' }).waitFor();

    expect(await page.locator('.chip[data-amr="face"]').textContent()).to.equal('Face');
    const claims = Object.fromEntries(
      await page
        .locator('table.claims tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.querySelector('th')!.textContent!.trim(),
            row.querySelector('td code')!.textContent!.trim(),
          ]),
        ),
    );
    expect(claims).to.include({
      sub: 'alice',
      aud: 'example-rp',
      iss: facegate.issuer,
      amr: '["face"]',
      acr: 'urn:facegate:acr:face',
    });
    expect(claims).to.have.keys('sub', 'aud', 'iss', 'amr', 'acr', 'auth_time', 'exp', 'iat');
    expect(await page.textContent('header')).to.include('Alice Liddell');
    // The link to the provider's page for the person: <issuer>/account.
    expect(await page.getByRole('link', { name: 'Your face and data at the provider' }).getAttribute('href')).to.equal(
      `${facegate.issuer}/account`,
    );
    await shoot('protected');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot('protected-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 760 });
    await shoot('protected-narrow');
    await page.setViewportSize({ width: 1100, height: 760 });
  });

  it('home page greets a signed-in user and links to the profile', async () => {
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Welcome back, Alice Liddell' }).waitFor();
    await shoot('home-signed-in');
    await page.getByRole('link', { name: 'Open your profile' }).click();
    await page.getByRole('heading', { name: 'Hello, Alice Liddell' }).waitFor();
  });

  it('keeps the user in sessionStorage: a reload of the protected page needs no new sign-in', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Hello, Alice Liddell' }).waitFor();
    expect(page.url()).to.equal(`${rp.url}/protected`);
    expect(await storedUsers()).to.have.length(1);
  });

  it('signs out through the provider (RP-initiated logout) and says so', async () => {
    await page.locator('main').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === facegate.issuer);
    await shoot('provider-signout');
    await page.locator('button[value="yes"]').click();
    await page.waitForURL(`${rp.url}/signed-out`);
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    expect(await storedUsers()).to.deep.equal([]);
    expect(await page.locator('header').getByRole('button', { name: 'Sign out' }).count()).to.equal(0);
    await shoot('signed-out');
  });

  it('closes the protected page again after sign-out: it sends the visitor to the face page', async () => {
    await page.goto(`${rp.url}/protected`);
    await page.waitForURL(onInteraction);
    await page.getByRole('button', { name: 'Start camera' }).waitFor();
    expect(await storedUsers()).to.deep.equal([]);
  });

  it('shows the OAuth error and its description when the person cancels on the face page', async () => {
    await page.getByRole('button', { name: 'Cancel and go back to facegate example RP' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${rp.url}/error?`));
    await page.getByRole('heading', { name: 'Sign-in was not completed' }).waitFor();
    expect(await page.locator('[data-test="error"]').textContent()).to.equal('access_denied');
    expect(await page.locator('[data-test="error-description"]').textContent()).to.equal(
      'The user cancelled the sign-in.',
    );
    expect(await page.textContent('main')).to.include('You cancelled sign-in or the face check failed 5 times.');
    await shoot('error');
  });

  it('sends a visitor of the protected page to the face page, and back to it once recognised', async () => {
    await page.goto(`${rp.url}/protected`);
    await page.waitForURL(onInteraction);
    await startCamera(page);
    await pressVerify(page);
    await page.waitForURL(`${rp.url}/protected`);
    await page.getByRole('heading', { name: 'Hello, Alice Liddell' }).waitFor();
  });

  it('"Require face + passkey" sends acr_values for it: the provider asks for the face, then the passkey', async () => {
    await page.evaluate('sessionStorage.clear()');
    await context.clearCookies();
    await page.goto(rp.url);
    await page.getByLabel(/Require face \+ passkey/).check();
    const asked = page.waitForRequest((request) => request.url().startsWith(`${facegate.issuer}/auth?`));
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL((await asked).url()).searchParams.get('acr_values')).to.equal(facePasskeyAcr);
    await page.waitForURL(onInteraction);
    expect(await page.textContent('main')).to.include(en['passkey.second_step']);
    expect(await page.getByRole('button', { name: en['passkey.other_way'] }).count()).to.equal(0);
  });

  it('ran without a console error or a Content-Security-Policy violation on the RP', () => {
    expect(rpConsoleErrors).to.deep.equal([]);
  });
});
