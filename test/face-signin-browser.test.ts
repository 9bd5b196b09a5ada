import { expect } from 'chai';
import { en } from '../src/messages/en.js';
import { faceAcr } from '../src/oidc/acr.js';
import { createInvitation } from '../src/access/invitations.js';
import { enrollOnPage, pressVerify, settledStatus, startCamera, verifyRefused } from './support/face-pages.js';
import { sentToCallback } from './support/face-browsers.js';
import { useFacePagesSuite } from './helpers/face-pages-suite.js';
import { screenshots } from './helpers/screenshots.js';
import { startAuthorization } from './support/test-rp.js';

/**
 * Issue 4 end to end: the face pages in Chromium, the camera a fake webcam playing a .y4m video
 * made from a photo; the relying party is openid-client (code flow with PKCE), whose callback
 * nobody serves: the test reads the URL the browser is sent to and exchanges its code.
 */
describe('face sign-in in Chromium with a fake webcam', function () {
  this.timeout(240_000);
  const suite = useFacePagesSuite();
  const { shoot, shootAllWays } = screenshots('face-signin');

  it('enrols by invitation in the browser: camera, three pictures, the account created with the name typed', async () => {
    const { link } = await createInvitation(suite.facegate.store.invitations, suite.facegate.issuer, {
      accountId: 'alice',
      ttlSeconds: 600,
    });
    const page = await suite.browsers.newPage('alice');
    await page.goto(link);
    await shootAllWays(page, 'enrol');
    const status = await enrollOnPage(page, link, 'Alice Liddell');
    expect(status, status.text).to.deep.equal({
      tone: 'success',
      text: 'Your face is enrolled. You can now sign in with it.',
    });
    expect(await page.locator('#shots li[data-taken] img').count()).to.equal(3);
    await shootAllWays(page, 'enrolled');
    expect(await suite.facegate.store.accounts.get('alice')).to.include({ name: 'Alice Liddell' });
    expect(await suite.facegate.store.templates.listForAccount('alice')).to.have.length(3);

    const bob = await createInvitation(suite.facegate.store.invitations, suite.facegate.issuer, {
      accountId: 'bob',
      profile: { name: 'Bob' },
      ttlSeconds: 600,
    });
    expect((await enrollOnPage(await suite.browsers.newPage('bob'), bob.link)).tone).to.equal('success');
  });

  it('signs in with another video of the same person: code + PKCE, the RP gets sub alice and amr face', async () => {
    const page = await suite.browsers.newPage('aliceLater');
    const rp = await startAuthorization(suite.issuer);
    await page.goto(rp.url.href);
    await shootAllWays(page, 'signin');
    await startCamera(page);
    await shootAllWays(page, 'signin-camera-on');
    const back = sentToCallback(page);
    await pressVerify(page);
    const tokens = await rp.tokens(await back);
    const claims = tokens.claims()!;
    expect(claims).to.include({ sub: 'alice', acr: faceAcr });
    expect(claims.amr).to.deep.equal(['face']);
  });

  it('refuses a person who is not enrolled, and says how many attempts are left', async () => {
    const { page } = await suite.browsers.signInPage('stranger');
    const status = await verifyRefused(page);
    expect(status.tone).to.equal('error');
    expect(status.text).to.match(/^We could not recognise you\..* 4 attempts left\.$/);
    await shootAllWays(page, 'refused-not-recognised');
  });

  it('refuses a frame with no face in it, with its message, and does not count it', async () => {
    const { page } = await suite.browsers.signInPage('nobody');
    const status = await verifyRefused(page);
    expect(status).to.deep.equal({ tone: 'error', text: en.no_face });
    await shoot(page, 'refused-no-face');
  });

  it('ends the sign-in after 5 failed recognitions: the RP gets access_denied', async () => {
    const { page } = await suite.browsers.signInPage('stranger');
    for (let left = 4; left >= 1; left--) {
      expect((await verifyRefused(page)).text).to.include(`${left} attempt${left === 1 ? '' : 's'} left.`);
    }
    const back = sentToCallback(page);
    await pressVerify(page);
    expect((await settledStatus(page)).text).to.match(/^Too many failed attempts: this sign-in has ended\./);
    await shoot(page, 'ended');
    const url = await back;
    expect(url.searchParams.get('error')).to.equal('access_denied');
    expect(url.searchParams.get('error_description')).to.equal('The face check failed too many times.');
  });

  it('with login_hint verifies 1:1: another enrolled person is refused', async () => {
    const { page } = await suite.browsers.signInPage('bob', 'spa', { login_hint: 'alice' });
    expect(await page.locator('form#signin').textContent()).to.include('Signing in as alice.');
    const status = await verifyRefused(page);
    expect(status.text).to.match(/^We could not recognise you\./);
    const [event] = await suite.facegate.store.audit.recent(1);
    expect(event).to.include({ type: 'signin', result: 'not_recognised', accountId: 'alice' });
    expect(event!.detail.mode).to.equal('1:1');
    await shoot(page, 'refused-login-hint');
  });

  it("asks a third-party client's consent after the face check, then the RP gets sub alice", async () => {
    const { page, rp } = await suite.browsers.signInPage('aliceLater', 'web');
    await pressVerify(page);
    await page.getByRole('heading', { name: 'Third-party web app asks for access' }).waitFor();
    expect(await page.locator('main').textContent()).to.include('Your profile');
    await shootAllWays(page, 'consent');
    const back = sentToCallback(page);
    await page.getByRole('button', { name: 'Allow' }).click();
    expect((await rp.tokens(await back)).claims()).to.include({ sub: 'alice' });
  });

  it('says plainly when an enrolment link or a sign-in page is not valid (any more)', async () => {
    const page = await suite.browsers.newPage('nobody');
    const spent = await page.goto(`${suite.facegate.issuer}/enroll/not-a-real-token`);
    expect(spent!.status()).to.equal(404);
    await page.getByRole('heading', { name: 'This enrolment link does not work' }).waitFor();
    await shootAllWays(page, 'error-enrol-link');
    const stale = await page.goto(`${suite.facegate.issuer}/interaction/not-a-real-sign-in`);
    expect(stale!.status()).to.equal(400);
    await page.getByRole('heading', { name: 'This sign-in has expired' }).waitFor();
    expect(await page.locator('.code code').textContent()).to.equal('invalid_request');
    await shootAllWays(page, 'error-interaction');
  });

  it("ran without a script error or a Content-Security-Policy violation on the provider's pages", () => {
    expect(suite.browsers.pageErrors).to.deep.equal([]);
  });
});
