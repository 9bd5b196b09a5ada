import { join } from 'node:path';
import { expect } from 'chai';
import { createInvitation, hashToken } from '../src/access/invitations.js';
import { ACCOUNT_CLIENT_ID } from '../src/oidc/account-client.js';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { startAuthorization } from './support/test-rp.js';
import { finishLogin } from './helpers/finish-login.js';
import { signIn } from './helpers/sign-in.js';
import { temporaryFolder } from './helpers/stores.js';

const vector = (seed: number) => Float32Array.from({ length: 128 }, (_, i) => Math.sin(seed + i));

/**
 * Issue 15 item 3 over HTTP, as an attacker would try it: the /account page signs in through
 * facegate's own client, keeps its session in a signed cookie bound to the provider session, and
 * acts only on the signed-in account, only with the page's CSRF token. The face is not the point
 * here (finishLogin completes the login step as the face page would); the browser suite signs in
 * with a fake webcam.
 */
describe('/account over HTTP: sign-in, CSRF, fixation, other accounts, redirects, revocation', function () {
  this.timeout(60_000);
  let facegate: TestFacegate;

  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'account.sqlite') });
  });
  after(async () => {
    await facegate?.close();
  });
  beforeEach(async () => {
    for (const [id, seed] of [
      ['alice', 1],
      ['bob', 2],
      ['mallory', 3],
    ] as const) {
      await facegate.store.accounts.upsert({
        id,
        name: `${id[0]!.toUpperCase()}${id.slice(1)}`,
        email: `${id}@example.com`,
      });
      await facegate.store.templates.add(id, facegate.face.model, [vector(seed), vector(seed + 0.1)], {
        replace: true,
      });
    }
  });

  const newBrowser = () => new Browser(facegate.issuer);

  /** Opens /account in `browser`, completes the login step as `accountId`, follows on to the page. */
  async function signInToAccount(browser: Browser, accountId: string) {
    const login = await browser.navigate('/account');
    expect(login.url.pathname).to.match(/^\/interaction\//);
    return browser.navigate(await finishLogin(facegate.provider, login.url, accountId));
  }

  /** The callback URL the provider sends `accountId`'s browser to, not followed. */
  async function callbackUrlOf(browser: Browser, accountId: string): Promise<URL> {
    const login = await browser.navigate('/account');
    const resumed = await browser.request(await finishLogin(facegate.provider, login.url, accountId));
    const location = resumed.headers.get('location');
    expect(location, 'the provider redirects to the callback').to.be.a('string');
    const callback = new URL(location!, facegate.issuer);
    expect(callback.pathname).to.equal('/account/callback');
    return callback;
  }

  const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

  async function openPage(accountId: string) {
    const browser = newBrowser();
    const page = await signInToAccount(browser, accountId);
    expect(page.url.pathname).to.equal('/account');
    const html = await page.response.text();
    return { browser, html, csrf: csrfOf(html) };
  }

  it('signs in through facegate’s own client, with a fresh login, and shows the account', async () => {
    const browser = newBrowser();
    const first = await browser.request('/account');
    expect(first.status).to.equal(303);
    const auth = new URL(first.headers.get('location')!);
    expect(Object.fromEntries(auth.searchParams)).to.include({
      client_id: ACCOUNT_CLIENT_ID,
      response_type: 'code',
      code_challenge_method: 'S256',
      prompt: 'login',
      redirect_uri: `${facegate.issuer}/account/callback`,
    });
    const cookieLines = browser.setCookieLines.filter((line) => line.startsWith('facegate.account'));
    expect(cookieLines.join('\n'))
      .to.match(/httponly/i)
      .and.match(/samesite=lax/i)
      .and.match(/path=\/account/i);

    const page = await browser.navigate(
      await finishLogin(facegate.provider, (await browser.navigate(auth)).url, 'alice'),
    );
    expect(page.url.pathname).to.equal('/account');
    const html = await page.response.text();
    expect(html).to.include('Alice').and.include('alice@example.com').and.include('2 templates');
    expect(browser.setCookieLines.some((line) => /^facegate\.account=.*samesite=strict/i.test(line))).to.equal(true);
  });

  it('login CSRF: a callback with a code issued in another browser signs nobody in there', async () => {
    const callback = await callbackUrlOf(newBrowser(), 'mallory');
    const victim = newBrowser();
    // The victim's browser started a sign-in of its own (its state and verifier), then is sent the attacker's code.
    await victim.request('/account');
    const answer = await victim.request(callback);
    expect(answer.status).to.equal(400);
    expect(await answer.text()).to.include('could not be completed');
    expect((await victim.request('/account')).status, 'not signed in: sent to sign in').to.equal(303);
  });

  it('a code is redeemed once: the callback replayed in the same browser opens nothing', async () => {
    const browser = newBrowser();
    const callback = await callbackUrlOf(browser, 'alice');
    const start = browser.cookieHeader('/account');
    expect((await browser.request(callback)).status).to.equal(303);
    // Replayed with the sign-in's start cookie put back as it was.
    const replay = await fetch(new URL(callback, facegate.issuer), { headers: { cookie: start }, redirect: 'manual' });
    expect(replay.status).to.equal(400);
  });

  it('session fixation: a page cookie facegate did not sign opens nothing', async () => {
    const forged = Buffer.from(
      JSON.stringify({ accountId: 'bob', sessionUid: 'x', authTime: 1, csrf: 'c', endsAt: Date.now() + 600_000 }),
    ).toString('base64url');
    const answer = await fetch(new URL('/account', facegate.issuer), {
      headers: { cookie: `facegate.account=${forged}` },
      redirect: 'manual',
    });
    expect(answer.status).to.equal(303);
    expect(answer.headers.get('location')).to.match(/\/auth\?/);
  });

  it('a page cookie copied elsewhere stops working once the provider session it came with ends', async () => {
    const { browser } = await openPage('alice');
    const stolen = browser.cookieHeader('/account');
    const reuse = () =>
      fetch(new URL('/account', facegate.issuer), { headers: { cookie: stolen }, redirect: 'manual' });
    expect((await reuse()).status).to.equal(200);
    await facegate.store.accountTokens.revokeAll('alice');
    expect((await reuse()).status).to.equal(303);
  });

  it('CSRF: delete and download refuse a form without the page’s token, or with another session’s', async () => {
    const alice = await openPage('alice');
    const bob = await openPage('bob');
    const forms: Record<string, string>[] = [{}, { csrf: '' }, { csrf: bob.csrf }];
    for (const form of forms) {
      const deleted = await alice.browser.request('/account/delete', { form });
      expect(deleted.status).to.equal(403);
      const download = await alice.browser.request('/account/data', { form });
      expect(download.status).to.equal(403);
      expect(download.headers.get('content-disposition')).to.equal(null);
    }
    expect(await facegate.store.templates.listForAccount('alice')).to.have.length(2);
  });

  it('another person’s account id in a request changes nothing: the page acts on the signed-in account', async () => {
    const alice = await openPage('alice');
    const download = await alice.browser.request('/account/data?account=bob&accountId=bob', {
      form: { csrf: alice.csrf, accountId: 'bob', account: 'bob' },
    });
    expect(download.status).to.equal(200);
    const data = (await download.json()) as { account: { id: string } };
    expect(data.account.id).to.equal('alice');
    const deleted = await alice.browser.request('/account/delete?account=bob', {
      form: { csrf: alice.csrf, accountId: 'bob' },
    });
    expect(deleted.status).to.equal(200);
    expect(await facegate.store.templates.listForAccount('bob')).to.have.length(2);
    expect(await facegate.store.templates.listForAccount('alice')).to.deep.equal([]);
  });

  it('open redirect: the callback goes to /account whatever it is given, and the client has no other redirect URI', async () => {
    const browser = newBrowser();
    const callback = await callbackUrlOf(browser, 'alice');
    for (const name of ['redirect_uri', 'return_to', 'next', 'redirect'])
      callback.searchParams.set(name, 'https://evil.example/');
    const answer = await browser.request(callback);
    expect(answer.status).to.equal(303);
    expect(answer.headers.get('location')).to.equal('/account');

    const elsewhere = new URL('/auth', facegate.issuer);
    elsewhere.search = new URLSearchParams({
      client_id: ACCOUNT_CLIENT_ID,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'https://evil.example/cb',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    }).toString();
    const refused = await fetch(elsewhere, { redirect: 'manual' });
    expect(refused.status).to.equal(400);
    expect(refused.headers.get('location')).to.equal(null);
  });

  it('downloads the account’s data as JSON, the embeddings only when asked', async () => {
    const alice = await openPage('alice');
    const plain = await alice.browser.request('/account/data', { form: { csrf: alice.csrf } });
    expect(plain.headers.get('content-disposition')).to.equal('attachment; filename="facegate-alice.json"');
    const data = (await plain.json()) as { account: object; templates: { embedding?: number[] }[]; audit: unknown[] };
    expect(data.account).to.include({ id: 'alice', email: 'alice@example.com' });
    expect(data.templates).to.have.length(2);
    expect(data.templates.every((t) => t.embedding === undefined)).to.equal(true);
    const full = await alice.browser.request('/account/data', { form: { csrf: alice.csrf, embeddings: 'yes' } });
    const withEmbeddings = (await full.json()) as { templates: { embedding: number[] }[] };
    expect(withEmbeddings.templates[0]!.embedding).to.have.length(128);
  });

  it('deleting the face removes the templates and pending links, revokes sessions and refresh tokens, and is audited', async () => {
    // An RP holds a refresh token of Alice's.
    const rpBrowser = newBrowser();
    const rp = await startAuthorization(new URL(facegate.issuer), 'spa', {
      scope: 'openid offline_access',
      prompt: 'consent',
    });
    const back = await signIn(rpBrowser, facegate, rp.url, 'alice');
    const tokens = await rp.tokens(back.url);
    expect(tokens.refresh_token).to.be.a('string');
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'alice',
      ttlSeconds: 600,
    });

    const alice = await openPage('alice');
    const confirm = await alice.browser.request('/account/delete');
    expect(confirm.status).to.equal(200);
    expect(await confirm.text()).to.include('Delete your face?');
    const deleted = await alice.browser.request('/account/delete', { form: { csrf: alice.csrf } });
    expect(deleted.status).to.equal(200);
    expect(await deleted.text()).to.include('2 face templates were deleted.');

    expect(await facegate.store.templates.listForAccount('alice')).to.deep.equal([]);
    expect(await facegate.store.accounts.get('alice')).to.include({ email: 'alice@example.com' });
    expect(await facegate.store.invitations.find(hashToken(new URL(link).pathname.split('/').pop()!))).to.equal(
      undefined,
    );
    const refreshed = await fetch(new URL('/token', facegate.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token!,
        client_id: 'spa',
      }),
    });
    expect(refreshed.status).to.equal(400);
    expect(await refreshed.json()).to.include({ error: 'invalid_grant' });
    // The RP's browser session is gone too: its next authorization asks for a face again.
    const again = await rpBrowser.navigate((await startAuthorization(new URL(facegate.issuer))).url);
    expect(again.url.pathname).to.match(/^\/interaction\//);
    // So is the page's own.
    expect((await alice.browser.request('/account')).status).to.equal(303);
    const [event] = await facegate.store.audit.forAccount('alice', 1);
    expect(event).to.deep.include({ type: 'account', result: 'face_deleted', accountId: 'alice' });
    expect(event!.detail).to.include({ source: 'account_page', templates: 2, invitations: 1 });
    expect(event!.detail.revoked).to.be.above(0);
  });

  it('a fresh enrolment is an enrolment link that adds to the face; refused once the account has no face', async () => {
    const alice = await openPage('alice');
    const fresh = await alice.browser.request('/account/enroll', { form: { csrf: alice.csrf } });
    expect(fresh.status).to.equal(303);
    const enrolPage = fresh.headers.get('location')!;
    expect(enrolPage).to.match(/^\/enroll\/[\w-]+$/);
    const page = await alice.browser.request(enrolPage);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.include('Alice');

    // The operator removed the face meanwhile: a link that adds to no face would enrol anyone's.
    await facegate.store.templates.removeForAccount('alice');
    await facegate.store.invitations.removeForAccount('alice');
    const refused = await alice.browser.request('/account/enroll', { form: { csrf: alice.csrf } });
    expect(refused.status).to.equal(409);
    expect(await facegate.store.invitations.removeForAccount('alice')).to.equal(0);
  });
});
