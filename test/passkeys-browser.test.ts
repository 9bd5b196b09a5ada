import { expect } from 'chai';
import type { Page } from 'playwright-core';
import type { StoreSpec } from '../adapters/contract.js';
import { createInvitation } from '../src/access/invitations.js';
import { en } from '../src/messages/en.js';
import { faceAcr, facePasskeyAcr, passkeyAcr } from '../src/oidc/acr.js';
import { portrait, webcamFrame } from './helpers/face-fixtures.js';
import {
  askFor,
  findHeadTurn,
  firstTimeline,
  firstTimelineFor,
  headTurnFrames,
  type HeadTurn,
} from './helpers/head-turn.js';
import { burst } from './helpers/live-sign-in.js';
import {
  type Answer,
  grantFromEnrolment,
  passkeyInPage,
  postFromPage,
  registerInPage,
} from './helpers/passkey-pages.js';
import { backends, specOrSkip, temporaryFolder } from './helpers/stores.js';
import { violationsAllWays } from './support/axe.js';
import { FaceBrowsers, sentToCallback } from './support/face-browsers.js';
import { enrollOnPage, pressVerify, startCamera } from './support/face-pages.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { fakeWebcamOrSkip, Webcams } from './support/fake-webcam.js';
import { startAuthorization } from './support/test-rp.js';
import { VirtualAuthenticator } from './support/virtual-authenticator.js';

/** The liveness challenge of face plus passkey asks for left then right on the first timeline. */
const STEPS = firstTimelineFor(['left', 'right']);
const REGISTRATION_GRANT_MS = 10 * 60 * 1000;

/** Who is who: alice registers on the enrolment page; the turner's face passes the liveness challenge. */
let headTurn: HeadTurn | undefined;

/**
 * The face step of face plus passkey, sent from the page's browser (its cookies) as the page's
 * script sends it: a challenge, then the head-turn burst answering it. The browser tests of the
 * face pages drive the camera itself; here the face is the way to the passkey step.
 */
async function faceStep(page: Page, frames: Buffer[]): Promise<Answer> {
  const base = page.url().replace(/\/$/, '');
  const challenge = (await (await page.request.post(`${base}/challenge`)).json()) as { challenge: string };
  const request = new Request('http://localhost/', { method: 'POST', body: burst(frames, challenge.challenge) });
  const answer = await page.request.post(`${base}/face`, {
    headers: { 'content-type': request.headers.get('content-type')! },
    data: Buffer.from(await request.arrayBuffer()),
  });
  return { status: answer.status(), body: (await answer.json()) as Record<string, unknown> };
}

/**
 * Does `signIn` on the page and resolves to the URL the page is sent back to the RP with, once the
 * page has settled there (nobody serves the callback: the browser's error page is where it stops,
 * so that no later navigation is interrupted by it).
 */
async function backAtRp(page: Page, signIn: () => Promise<unknown>): Promise<URL> {
  const back = sentToCallback(page);
  const settled = page.waitForEvent(
    'framenavigated',
    (frame) => frame === page.mainFrame() && frame.url().startsWith('chrome-error:'),
  );
  await signIn();
  const url = await back;
  await settled;
  return url;
}

for (const backend of backends) {
  describe(`passkeys in Chromium with a virtual authenticator: ${backend.name}`, function () {
    this.timeout(300_000);
    let facegate: TestFacegate;
    let browsers: FaceBrowsers<'alice' | 'turner'>;
    let webcams: Webcams;
    let issuer: URL;
    let turner: string;
    let later = 0;
    /** Alice's page and authenticator, kept from test to test: her passkey lives in it. */
    let alicePage: Page;
    let aliceKey: VirtualAuthenticator;
    const violations: string[] = [];

    before(async function () {
      fakeWebcamOrSkip(this);
      const spec: StoreSpec = await specOrSkip(this, backend);
      facegate = await startTestFacegate(
        spec,
        undefined,
        {
          face: {
            workers: 1,
            liveness: 'off',
            attempts: { perInteraction: 5, perIp: { max: 1000, windowSeconds: 900 } },
          },
        },
        {
          challengeMoves: askFor(['left', 'right']),
          challengeTimeline: firstTimeline,
          clock: () => Date.now() + later,
        },
      );
      issuer = new URL(facegate.issuer);
      headTurn ??= await findHeadTurn(facegate.face.engine, STEPS, [0, 2]);
      turner = `turner-${headTurn.portrait}`;
      webcams = new Webcams(temporaryFolder());
      const turnerFace = headTurn.portrait;
      browsers = new FaceBrowsers(webcams, issuer, {
        alice: async () => webcamFrame(await portrait(0), 360),
        turner: async () => webcamFrame(await portrait(turnerFace), 360),
      });
    });
    after(async () => {
      await webcams?.close();
      await facegate?.close();
    });
    afterEach(() => {
      later = 0;
    });

    /** A fresh browser profile on `camera`'s browser, with an authenticator of its own. */
    async function pageWithKey(camera: 'alice' | 'turner'): Promise<{ page: Page; key: VirtualAuthenticator }> {
      const page = await browsers.newPage(camera);
      return { page, key: await VirtualAuthenticator.on(page) };
    }

    /** An authorization of the test RP opened on `page`, signed out first. */
    async function authorize(page: Page, extra: Record<string, string> = {}) {
      await page.context().clearCookies();
      const rp = await startAuthorization(issuer, 'spa', extra);
      await page.goto(rp.url.href);
      return rp;
    }

    it('offers a passkey on the enrolment page right after the face, and registers it to the account', async () => {
      ({ page: alicePage, key: aliceKey } = await pageWithKey('alice'));
      const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
        accountId: 'alice',
        ttlSeconds: 600,
      });
      await alicePage.goto(link);
      expect(await alicePage.locator('#passkey-offer').isVisible()).to.equal(false);
      expect((await enrollOnPage(alicePage, link, 'Alice')).tone).to.equal('success');
      await alicePage.getByRole('heading', { name: en['passkey.offer_title'] }).waitFor();
      if (backend.name === 'sqlite')
        violations.push(...(await violationsAllWays(alicePage, 'enrolment, passkey offered')));
      await alicePage.getByRole('button', { name: en['passkey.add'] }).click();
      const status = alicePage.locator('#passkey-status[data-tone="success"]');
      await status.waitFor();
      expect((await status.textContent())?.trim()).to.equal(en['passkey.script.added']);
      const [passkey] = await facegate.store.passkeys.listForAccount('alice');
      const [credential] = await aliceKey.credentials();
      expect(passkey?.credentialId).to.equal(Buffer.from(credential!.credentialId, 'base64').toString('base64url'));
      expect(passkey).to.include({ accountId: 'alice' });
      const audit = await facegate.store.audit.recent(5);
      expect(audit.map((e) => `${e.type} ${e.result} ${e.accountId}`)).to.include('passkey registered alice');
    });

    it('signs in with the passkey alone: amr pop, acr passkey, no face', async () => {
      const rp = await authorize(alicePage);
      if (backend.name === 'sqlite')
        violations.push(...(await violationsAllWays(alicePage, 'sign-in, passkey offered')));
      const back = await backAtRp(alicePage, () =>
        alicePage.getByRole('button', { name: en['passkey.other_way'] }).click(),
      );
      const claims = (await rp.tokens(back)).claims()!;
      expect(claims).to.include({ sub: 'alice', acr: passkeyAcr });
      expect(claims.amr).to.deep.equal(['pop']);
      expect((await facegate.store.passkeys.listForAccount('alice'))[0]?.lastUsedAt).to.be.a('number');
    });

    it('adds a passkey from /account after a face sign-in, and that passkey then signs in', async () => {
      const { page, key } = await pageWithKey('alice');
      await page.goto(new URL('/account', issuer).href);
      await startCamera(page);
      await pressVerify(page);
      await page.getByRole('button', { name: en['passkey.add'] }).click();
      const status = page.locator('#passkey-status[data-tone="success"]');
      await status.waitFor();
      const [credential] = await key.credentials();
      const stored = await facegate.store.passkeys.get(
        Buffer.from(credential!.credentialId, 'base64').toString('base64url'),
      );
      expect(stored).to.include({ accountId: 'alice' });
      // The page lists it once it has reloaded.
      await page.locator(`input[name="credential"][value="${stored!.credentialId}"]`).waitFor({ state: 'attached' });

      const rp = await authorize(page);
      const back = await backAtRp(page, () => page.getByRole('button', { name: en['passkey.other_way'] }).click());
      expect((await rp.tokens(back)).claims()).to.include({ sub: 'alice', acr: passkeyAcr });
    });

    it('asks a passkey sign-in for consent again after the policy version changed, as it asks a face sign-in', async () => {
      const { config } = facegate;
      await facegate.reload({ ...config, consent: { ...config.consent, version: 'after-passkeys' } });
      try {
        const rp = await authorize(alicePage);
        await alicePage.getByRole('button', { name: en['passkey.other_way'] }).click();
        await alicePage.getByRole('heading', { name: en['consent.again.heading'] }).waitFor();
        const back = await backAtRp(alicePage, async () => {
          await alicePage.getByRole('checkbox').check();
          await alicePage.getByRole('button', { name: en['consent.again.continue'] }).click();
        });
        const claims = (await rp.tokens(back)).claims()!;
        expect(claims).to.include({ sub: 'alice', acr: passkeyAcr });
        expect((await facegate.store.consents.latest('alice'))?.version).to.equal('after-passkeys');
      } finally {
        await facegate.reload(config);
        // Back to the configured policy, and Alice's consent to it, for the tests that follow.
        await facegate.store.consents.record({
          accountId: 'alice',
          version: config.consent.version,
          at: Date.now(),
          method: 'sign_in_page',
        });
      }
    });

    it('gives no passkey-only sign-in to an RP that asks for a face acr: no passkey offered, none taken, and a passkey session signs in again', async () => {
      // acr_values: the page offers no passkey, and its endpoint refuses one.
      await authorize(alicePage, { acr_values: faceAcr });
      expect(await alicePage.locator('#use-passkey').count()).to.equal(0);
      const refused = await postFromPage(alicePage, `${new URL(alicePage.url()).pathname}/passkey/options`);
      expect(refused).to.deep.include({ status: 403 });
      expect(refused.body).to.include({ error: 'passkey_not_offered' });
      // A session made with a passkey does not answer a request for a face: the face page comes.
      const rp = await authorize(alicePage);
      const back = await backAtRp(alicePage, () =>
        alicePage.getByRole('button', { name: en['passkey.other_way'] }).click(),
      );
      await rp.tokens(back);
      const again = await startAuthorization(issuer, 'spa', { acr_values: faceAcr });
      await alicePage.goto(again.url.href);
      expect(new URL(alicePage.url()).pathname).to.match(/^\/interaction\//);
      await alicePage.getByRole('button', { name: 'Start camera' }).waitFor();
    });

    it('face plus passkey: the face with the liveness challenge, then the passkey of the same account; amr face pop mfa', async () => {
      const discovery = (await (await fetch(new URL('/.well-known/openid-configuration', issuer))).json()) as {
        acr_values_supported: string[];
      };
      expect(discovery.acr_values_supported).to.include.members([facePasskeyAcr, passkeyAcr, faceAcr]);
      const { page, key } = await pageWithKey('turner');
      const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
        accountId: turner,
        ttlSeconds: 600,
      });
      expect((await enrollOnPage(page, link, 'Turner')).tone).to.equal('success');
      await page.getByRole('button', { name: en['passkey.add'] }).click();
      await page.locator('#passkey-status[data-tone="success"]').waitFor();
      expect(await key.credentials()).to.have.length(1);

      const rp = await authorize(page, { acr_values: facePasskeyAcr });
      // Only the face is offered first: no passkey alone.
      expect(await page.locator('#use-passkey').count()).to.equal(0);
      expect(await page.locator('#passkey-step').isVisible()).to.equal(false);
      // Before the face, the passkey step is refused.
      const early = await postFromPage(page, `${new URL(page.url()).pathname}/passkey/options`);
      expect(early.body).to.include({ error: 'passkey_face_first' });
      const face = await faceStep(page, await headTurnFrames(headTurn!, STEPS));
      expect(face.body, JSON.stringify(face.body)).to.include({ status: 'passkey_required' });
      await page.reload();
      await page.getByRole('button', { name: en['passkey.use'] }).waitFor();
      if (backend.name === 'sqlite') violations.push(...(await violationsAllWays(page, 'sign-in, passkey step')));
      const back = await backAtRp(page, () => page.getByRole('button', { name: en['passkey.use'] }).click());
      const claims = (await rp.tokens(back)).claims()!;
      expect(claims).to.include({ sub: turner, acr: facePasskeyAcr });
      expect(claims.amr).to.deep.equal(['face', 'pop', 'mfa']);
    });

    it('refuses, in the face plus passkey step, a passkey of another account than the face', async () => {
      await authorize(alicePage, { acr_values: facePasskeyAcr });
      const face = await faceStep(alicePage, await headTurnFrames(headTurn!, STEPS));
      expect(face.body).to.include({ status: 'passkey_required' });
      // Alice's authenticator holds no passkey of the turner: a client that drops the allowed list signs with hers.
      const { answer } = await passkeyInPage(alicePage, { anyCredential: true });
      expect(answer.status).to.equal(422);
      // The liveness challenge spent one of the five attempts, this passkey another.
      expect(answer.body).to.include({ error: 'passkey_other_account', attemptsLeft: 3 });
      const [event] = await facegate.store.audit.recent(1);
      expect(event).to.include({ type: 'signin', result: 'passkey_other_account', accountId: turner });
    });

    it('refuses a replayed assertion: the same answer twice (challenge), and a cloned authenticator behind (counter)', async () => {
      await authorize(alicePage);
      const { response, answer } = await passkeyInPage(alicePage);
      expect(answer.body).to.include({ status: 'accepted' });
      const replayed = await postFromPage(alicePage, `${new URL(alicePage.url()).pathname}/passkey`, { response });
      expect(replayed.status).to.equal(422);
      expect(replayed.body).to.include({ error: 'passkey_start_again' });

      // A copy of alice's authenticator, taken now; the original signs once more; the copy's count is behind.
      const clone = await pageWithKey('alice');
      for (const credential of await aliceKey.credentials()) await clone.key.addCredential(credential);
      await authorize(alicePage);
      expect((await passkeyInPage(alicePage)).answer.body).to.include({ status: 'accepted' });
      await authorize(clone.page);
      const cloned = await passkeyInPage(clone.page);
      expect(cloned.answer.status).to.equal(422);
      expect(cloned.answer.body).to.include({ error: 'passkey_refused' });
      const [event] = await facegate.store.audit.recent(1);
      expect(event).to.include({ result: 'passkey_counter_not_increased' });
    });

    it('refuses a passkey that was removed', async () => {
      const [passkey] = await facegate.store.passkeys.listForAccount('alice');
      expect(await facegate.store.passkeys.remove('alice', passkey!.credentialId)).to.equal(true);
      await authorize(alicePage);
      const { answer } = await passkeyInPage(alicePage);
      expect(answer.status).to.equal(422);
      expect(answer.body).to.include({ error: 'passkey_refused' });
      expect(alicePage.url()).to.match(/\/interaction\//);
    });

    it('registration grants: none, reused, expired, or of another account are refused', async () => {
      const { page } = await pageWithKey('alice');
      await page.goto(new URL('/.well-known/openid-configuration', issuer).href);
      // No grant.
      for (const grant of [undefined, '', 'made-up']) {
        const answer = await registerInPage(page, grant);
        expect(answer, String(grant)).to.deep.include({ status: 410 });
        expect(answer.body).to.include({ error: 'passkey_grant_invalid' });
      }
      // Reused: a second device with the grant already spent.
      const bobs = await grantFromEnrolment(facegate, 'bob', 2);
      expect((await registerInPage(page, bobs)).body).to.include({ status: 'registered' });
      const other = await pageWithKey('alice');
      await other.page.goto(new URL('/.well-known/openid-configuration', issuer).href);
      expect(await registerInPage(other.page, bobs)).to.deep.include({ status: 410 });
      expect(await facegate.store.passkeys.listForAccount('bob')).to.have.length(1);
      // Expired: ten minutes after the enrolment.
      const late = await grantFromEnrolment(facegate, 'bob', 2);
      later = REGISTRATION_GRANT_MS + 1000;
      expect(await registerInPage(other.page, late)).to.deep.include({ status: 410 });
      later = 0;
      // Another account's: options under alice's grant, the answer sent with bob's.
      const alices = await grantFromEnrolment(facegate, 'alice', 0);
      const bobsAgain = await grantFromEnrolment(facegate, 'bob', 2);
      const alicesBefore = (await facegate.store.passkeys.listForAccount('alice')).length;
      const crossed = await registerInPage(other.page, alices, bobsAgain);
      expect(crossed.status).to.equal(422);
      expect(crossed.body).to.include({ error: 'passkey_start_again' });
      expect(await facegate.store.passkeys.listForAccount('bob')).to.have.length(1);
      expect(await facegate.store.passkeys.listForAccount('alice')).to.have.length(alicesBefore);
    });

    it('has no serious or critical accessibility violation on the passkey parts of the pages (axe-core)', function () {
      if (backend.name !== 'sqlite') this.skip();
      expect(violations).to.deep.equal([]);
      expect(browsers.pageErrors).to.deep.equal([]);
    });
  });
}
