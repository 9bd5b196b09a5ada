import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt } from '../example-rp/server/ensure-built.js';
import { startExampleRp, type RunningExampleRp } from '../example-rp/server/server.js';
import { chromiumOrSkip } from './helpers/chromium.js';
import { startTestFacegate, testClients, type TestFacegate } from './helpers/facegate.js';
import { denyLogin, finishLogin } from './helpers/finish-login.js';
import { freePort } from './helpers/free-port.js';
import { temporaryFolder } from './helpers/stores.js';

/** Where the screenshots go, to be looked at: git ignores it. */
const screenshots = join(process.cwd(), 'test-output', 'example-rp');

/**
 * The example RP in Chromium against facegate, as a person uses it: the login step is finished
 * in-process (test/helpers/finish-login.ts) until the face page can be driven with a fake webcam.
 */
describe('example RP in a browser', function () {
  let facegate: TestFacegate;
  let rp: RunningExampleRp;
  let browser: Browser;
  let page: Page;
  /** Console errors on the RP's pages: a CSP violation shows up here. */
  const rpConsoleErrors: string[] = [];

  before(async function () {
    browser = await chromiumOrSkip(this);
    await ensureBuilt();
    const rpPort = await freePort();
    const exampleRp = {
      client_id: 'example-rp', client_name: 'facegate example RP', first_party: true, token_endpoint_auth_method: 'none',
      redirect_uris: [`http://localhost:${rpPort}/callback`], post_logout_redirect_uris: [`http://localhost:${rpPort}/`],
      response_types: ['code'], grant_types: ['authorization_code', 'refresh_token'],
    };
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'rp.sqlite') }, undefined, { clients: [...testClients, exampleRp] });
    await facegate.store.accounts.upsert({ id: 'alice', name: 'Alice Liddell', email: 'alice@example.com', emailVerified: true });
    rp = await startExampleRp({ authority: facegate.issuer, clientId: 'example-rp', port: rpPort, host: 'localhost' });
    mkdirSync(screenshots, { recursive: true });
    page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith(rp.url)) rpConsoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => rpConsoleErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await rp?.close();
    await facegate?.close();
  });

  const onInteraction = (url: URL) => url.origin === facegate.issuer && url.pathname.startsWith('/interaction/');
  /** oidc-client-ts's user entries in the tab's sessionStorage (run in the page, not in Node). */
  const storedUsers = () => page.evaluate<string[]>("Object.keys(sessionStorage).filter((key) => key.startsWith('oidc.user:'))");
  const shoot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

  it('home page: a public page with "Sign in" and the provider it is configured with', async () => {
    await page.goto(rp.url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.textContent('body')).to.include(`${facegate.issuer}/.well-known/openid-configuration`).and.include('example-rp');
    await shoot('home');
  });

  it('signs in with the code flow and PKCE, and greets the user by name with the ID token claims and amr', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(onInteraction);
    const authorize = new URL(page.url());
    await page.goto((await finishLogin(facegate.provider, authorize, 'alice')).href);
    await page.waitForURL(`${rp.url}/protected`);
    await page.getByRole('heading', { name: 'Hello, Alice Liddell' }).waitFor();

    expect(await page.locator('.chip[data-amr="face"]').textContent()).to.equal('Face');
    const claims = Object.fromEntries(await page.locator('table.claims tbody tr').evaluateAll((rows) => rows.map((row) => [
      row.querySelector('th')!.textContent!.trim(), row.querySelector('td code')!.textContent!.trim(),
    ])));
    expect(claims).to.include({ sub: 'alice', aud: 'example-rp', iss: facegate.issuer, amr: '["face"]', acr: 'urn:facegate:acr:face' });
    expect(claims).to.have.keys('sub', 'aud', 'iss', 'amr', 'acr', 'auth_time', 'exp', 'iat');
    expect(await page.textContent('header')).to.include('Alice Liddell');
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
    await page.locator('button[value="yes"]').click();
    await page.waitForURL(`${rp.url}/signed-out`);
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    expect(await storedUsers()).to.deep.equal([]);
    expect(await page.locator('header').getByRole('button', { name: 'Sign out' }).count()).to.equal(0);
    await shoot('signed-out');
  });

  it('shows the OAuth error and its description when sign-in is denied', async () => {
    await page.getByRole('button', { name: 'Sign in again' }).click();
    // Signed out at the provider too: the login step is asked for again.
    await page.waitForURL(onInteraction);
    await page.goto((await denyLogin(facegate.provider, new URL(page.url()), 'The face check failed 5 times.')).href);
    await page.waitForURL((url) => url.href.startsWith(`${rp.url}/error?`));
    await page.getByRole('heading', { name: 'Sign-in was not completed' }).waitFor();
    expect(await page.locator('[data-test="error"]').textContent()).to.equal('access_denied');
    expect(await page.locator('[data-test="error-description"]').textContent()).to.equal('The face check failed 5 times.');
    expect(await page.textContent('main')).to.include('You cancelled sign-in or the face check failed 5 times.');
    await shoot('error');
  });

  it('sends a visitor of the protected page to the provider first', async () => {
    await page.goto(`${rp.url}/protected`);
    await page.waitForURL(onInteraction);
    await page.goto((await finishLogin(facegate.provider, new URL(page.url()), 'alice')).href);
    await page.waitForURL(`${rp.url}/protected`);
    await page.getByRole('heading', { name: 'Hello, Alice Liddell' }).waitFor();
  });

  it('ran without a console error or a Content-Security-Policy violation on the RP', () => {
    expect(rpConsoleErrors).to.deep.equal([]);
  });
});
