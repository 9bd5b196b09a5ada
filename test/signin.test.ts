import { expect } from 'chai';
import { join } from 'node:path';
import { faceAcr } from '../src/oidc/acr.js';
import { createInvitation } from '../src/access/invitations.js';
import { firstRunInvitation } from '../src/access/first-run.js';
import { Browser } from './support/browser.js';
import { callback, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { portrait, variants, webcamFrame } from './helpers/face-fixtures.js';
import { framesOf, multipart } from './helpers/face-uploads.js';
import { startAuthorization } from './support/test-rp.js';
import { temporaryFolder } from './helpers/stores.js';

describe('face sign-in and enrolment over HTTP (SQLite)', function () {
  this.timeout(180_000);
  let facegate: TestFacegate;
  let issuer: URL;

  before(async () => {
    const folder = temporaryFolder();
    facegate = await startTestFacegate({ type: 'sqlite', file: join(folder, 'facegate.sqlite') }, undefined, {
      face: { workers: 1, liveness: 'off', attempts: { perInteraction: 5, perIp: { max: 1000, windowSeconds: 900 } } },
    });
    issuer = new URL(facegate.issuer);
  });
  after(async () => {
    await facegate?.close();
  });

  async function enroll(accountId: string, face: number, profile = {}): Promise<void> {
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId,
      profile,
      ttlSeconds: 600,
    });
    const answer = await new Browser(issuer.origin).json(link, {
      method: 'POST',
      body: multipart(await framesOf(face)),
    });
    expect(answer.body, JSON.stringify(answer.body)).to.include({ status: 'enrolled', accountId });
  }

  /** Starts a code + PKCE sign-in and returns the browser on the face page, with what the RP needs to finish. */
  async function startSignIn(clientId = 'spa', extra: Record<string, string> = {}) {
    const rp = await startAuthorization(issuer, clientId, extra);
    const browser = new Browser(issuer.origin);
    const { url: page, response } = await browser.navigate(rp.url);
    expect(page.pathname).to.match(/^\/interaction\//);
    return { browser, page, html: await response.text(), rp };
  }

  const postFace = (browser: Browser, page: URL, frame: Buffer, query = '') =>
    browser.json(`${page.pathname}/face${query}`, { method: 'POST', body: frame, contentType: 'image/jpeg' });

  before(async () => {
    await enroll('alice', 0, { name: 'Alice' });
    await enroll('bob', 2, { name: 'Bob' });
  });

  it('enrols by invitation: the account is created with its profile, and the link works once', async () => {
    expect(await facegate.store.accounts.get('alice')).to.include({ name: 'Alice' });
    expect(await facegate.store.templates.listForAccount('alice')).to.have.length(3);
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'carol',
      ttlSeconds: 600,
    });
    const browser = new Browser(issuer.origin);
    const page = await browser.request(link);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.contain('Enrol your face');
    const first = await browser.json(link, { method: 'POST', body: multipart(await framesOf(3), { name: 'Carol' }) });
    expect(first.body).to.include({ status: 'enrolled', accountId: 'carol' });
    expect(await facegate.store.accounts.get('carol')).to.include({ name: 'Carol' });
    const again = await browser.json(link, { method: 'POST', body: multipart(await framesOf(3)) });
    expect(again.status).to.equal(410);
    expect((await browser.request(link)).status).to.equal(404);
  });

  it('refuses an enrolment whose pictures are not all one person, and keeps the link for a retry', async () => {
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'mallory',
      ttlSeconds: 600,
    });
    const [a, b] = await framesOf(1);
    const mixed = [a!, b!, await webcamFrame(await portrait(3))];
    const answer = await new Browser(issuer.origin).json(link, { method: 'POST', body: multipart(mixed) });
    expect(answer.status).to.equal(422);
    expect(answer.body).to.include({ error: 'not_same_person' });
    expect(await facegate.store.accounts.get('mallory')).to.equal(undefined);
    expect((await new Browser(issuer.origin).request(link)).status).to.equal(200);
  });

  it('refuses to enrol a face already enrolled under another account, without saying so', async () => {
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'alice-again',
      ttlSeconds: 600,
    });
    const answer = await new Browser(issuer.origin).json(link, { method: 'POST', body: multipart(await framesOf(0)) });
    expect(answer.body).to.include({ error: 'enrollment_refused' });
    expect((await facegate.store.audit.recent(1))[0]).to.include({
      result: 'already_enrolled',
      accountId: 'alice-again',
    });
  });

  it('signs in 1:N with a face: code + PKCE, the ID token names the account, amr face', async () => {
    const { browser, page, html, rp } = await startSignIn();
    expect(html).to.contain('Verify my identity');
    const answer = await postFace(browser, page, await webcamFrame(await variants.flipped(await portrait(0))));
    expect(answer.body, JSON.stringify(answer.body)).to.include({ status: 'accepted' });
    expect(answer.headers.get('server-timing')).to.match(
      /^read;dur=[\d.]+, face;dur=[\d.]+, finish;dur=[\d.]+, queue;dur=[\d.]+, inference;dur=[\d.]+, store;dur=[\d.]+, total;dur=[\d.]+$/,
    );
    const { url: back } = await browser.navigate(answer.body.redirectTo as string);
    expect(back.href.startsWith(callback)).to.equal(true);
    const tokens = await rp.tokens(back);
    const claims = tokens.claims()!;
    expect(claims).to.include({ sub: 'alice', acr: faceAcr });
    expect(claims.amr).to.deep.equal(['face']);
    const [event] = await facegate.store.audit.recent(1);
    expect(event).to.include({ type: 'signin', result: 'accepted', accountId: 'alice', clientId: 'spa' });
    expect(event!.detail.distance).to.be.a('number');
  });

  it('refuses someone who is not enrolled, and counts down the attempts', async () => {
    const { browser, page } = await startSignIn();
    const answer = await postFace(browser, page, await webcamFrame(await portrait(1)));
    expect(answer.status).to.equal(422);
    expect(answer.body).to.include({ error: 'not_recognised', attemptsLeft: 4 });
    expect(answer.body.message).to.match(/not be enrolled/);
  });

  it('says what is wrong with a frame without a face, and does not count it', async () => {
    const { browser, page } = await startSignIn();
    const blank = await webcamFrame(await variants.darkened(await portrait(0)), 10);
    const answer = await postFace(browser, page, blank);
    expect(answer.status).to.equal(422);
    expect(answer.body).to.include({ error: 'no_face', attemptsLeft: 5 });
    expect(answer.body.message).to.match(/No face was found/);
  });

  it('ends the sign-in with access_denied after 5 failed attempts', async () => {
    const { browser, page } = await startSignIn();
    const stranger = await webcamFrame(await portrait(1));
    for (let left = 4; left >= 1; left--) {
      expect((await postFace(browser, page, stranger)).body).to.include({
        error: 'not_recognised',
        attemptsLeft: left,
      });
    }
    const last = await postFace(browser, page, stranger);
    expect(last.body).to.include({ status: 'ended' });
    const { url: back } = await browser.navigate(last.body.redirectTo as string);
    expect(back.searchParams.get('error')).to.equal('access_denied');
  });

  it('with login_hint verifies 1:1: another enrolled person is refused', async () => {
    const { browser, page, html } = await startSignIn('spa', { login_hint: 'alice' });
    expect(html).to.contain('alice');
    const answer = await postFace(browser, page, await webcamFrame(await portrait(2)));
    expect(answer.body).to.include({ error: 'not_recognised' });
    const [event] = await facegate.store.audit.recent(1);
    expect(event).to.include({ result: 'not_recognised', accountId: 'alice' });
    expect(event!.detail.mode).to.equal('1:1');
  });

  it('an account typed on the page verifies 1:1 too', async () => {
    const { browser, page } = await startSignIn();
    const answer = await postFace(browser, page, await webcamFrame(await portrait(2)), '?account=bob');
    expect(answer.body).to.include({ status: 'accepted' });
  });

  it('shows the consent page to a third-party client after the face check', async () => {
    const { browser, page } = await startSignIn('web');
    const answer = await postFace(browser, page, await webcamFrame(await portrait(2)));
    expect(answer.body).to.include({ status: 'accepted' });
    const { response, url } = await browser.navigate(answer.body.redirectTo as string);
    expect(url.pathname).to.match(/^\/interaction\//);
    const html = await response.text();
    expect(html).to.contain('asks for access');
    expect(html).to.contain('Your profile');
  });

  it('serves the face page with a Content-Security-Policy that forbids inline script, never cached', async () => {
    const { browser, page } = await startSignIn();
    const response = await browser.request(page);
    expect(response.headers.get('content-security-policy'))
      .to.include("script-src 'self'")
      .and.include("frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).to.equal('no-store');
  });

  it('cancelling returns access_denied to the application', async () => {
    const { browser, page } = await startSignIn();
    const { url } = await browser.navigate(`${page.pathname}/abort`, { form: {} });
    expect(url.searchParams.get('error')).to.equal('access_denied');
  });

  it('refuses bodies it cannot use, with a clear JSON error', async () => {
    const { browser, page } = await startSignIn();
    const wrongType = await browser.json(`${page.pathname}/face`, {
      method: 'POST',
      body: 'hello',
      contentType: 'text/plain',
    });
    expect(wrongType.status).to.equal(415);
    expect(wrongType.body.error).to.equal('unsupported_media_type');
    const huge = await browser.json(`${page.pathname}/face`, {
      method: 'POST',
      body: Buffer.alloc(9 * 1024 * 1024, 1),
      contentType: 'image/jpeg',
    });
    expect(huge.status).to.equal(413);
    const tooMany = await browser.json(`${page.pathname}/face`, {
      method: 'POST',
      body: multipart(Array(17).fill(Buffer.from('x'))),
    });
    expect(tooMany.status).to.equal(413);
    // And the server still answers.
    expect((await postFace(browser, page, await webcamFrame(await portrait(0)))).body).to.include({
      status: 'accepted',
    });
  });

  it('slows down failed attempts on a claimed account from one network: 429 with Retry-After', async () => {
    let answer;
    for (let i = 0; i < 8; i++) {
      const { browser, page } = await startSignIn('spa', { login_hint: 'bob' });
      answer = await postFace(browser, page, await webcamFrame(await portrait(1)));
      if (answer.status === 429) break;
    }
    expect(answer!.status).to.equal(429);
    expect(Number(answer!.headers.get('retry-after'))).to.be.above(0);
    expect(answer!.body).to.include({ error: 'too_many_attempts' });
  });

  it('offers a first-run enrolment link only while no account exists', async () => {
    expect(await firstRunInvitation(facegate.store, facegate.issuer)).to.equal(undefined);
  });
});
