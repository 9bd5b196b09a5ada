import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createInvitation } from '../src/access/invitations.js';
import { faceLivenessAcr } from '../src/oidc/acr.js';
import { CATALOGS } from '../src/messages/languages.js';
import { translate } from '../src/messages/translate.js';
import { screenshots } from './helpers/screenshots.js';
import { violationsAllWays } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { sentToCallback } from './support/face-browsers.js';
import { enrollOnPage, pressVerify, settledStatus, startCamera, verifyRefused } from './support/face-pages.js';
import { callback } from './support/facegate.js';
import { type DemoCamera, useFacePagesSuite } from './helpers/face-pages-suite.js';
import { announced, listenToLiveRegions } from './support/live-regions.js';
import { focused, tabTo } from './support/keyboard.js';
import { startAuthorization } from './support/test-rp.js';

const de = CATALOGS.de;

/**
 * Issue 15, items 4 and 5, in Chromium against a real facegate: the pages in the person's
 * language (ui_locales=de end to end), axe-core on every page light, dark and at phone width, the
 * whole enrolment and sign-in from the keyboard alone, every refusal in a live region, and a clear
 * message for a person whose camera cannot be used.
 */
describe('pages for everyone: their language, the keyboard, screen readers, axe-core', function () {
  this.timeout(300_000);
  const suite = useFacePagesSuite();
  const { shoot } = screenshots('people-pages');
  /** axe-core's serious and critical findings, page by page, over the whole suite. */
  const violations: string[] = [];
  const pagesChecked: string[] = [];
  const checkPage = async (page: Page, name: string) => {
    pagesChecked.push(name);
    violations.push(...(await violationsAllWays(page, name)));
  };

  it('enrols and signs in from the keyboard alone', async () => {
    const { link } = await createInvitation(suite.facegate.store.invitations, suite.facegate.issuer, {
      accountId: 'alice',
      ttlSeconds: 600,
    });
    const page = await suite.browsers.newPage('alice', { viewport: { width: 520, height: 1100 } });
    await page.goto(link);
    await checkPage(page, 'enrolment');
    await shoot(page, 'enrol-consent');
    // The camera waits for consent: Start first says so and puts the focus on the box.
    await tabTo(page, 'start');
    await page.keyboard.press('Enter');
    expect(await settledStatus(page)).to.deep.equal({ tone: 'error', text: CATALOGS.en['consent.face.tick_first'] });
    expect(await announced(page)).to.include(CATALOGS.en['consent.face.tick_first']);
    expect(await focused(page)).to.equal('consent');
    expect(await page.locator('#camera').getAttribute('data-state')).to.equal('off');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#consent')).to.equal(true);
    await tabTo(page, 'name');
    await page.keyboard.type('Alice Liddell');
    await tabTo(page, 'start');
    await page.keyboard.press('Enter');
    await page.locator('#camera[data-state="on"]').waitFor();
    // The button that takes the pictures has the focus once the camera runs.
    expect(await focused(page)).to.equal('capture');
    await checkPage(page, 'enrolment, camera on');
    await page.keyboard.press('Enter');
    const enrolled = await settledStatus(page);
    expect(enrolled, enrolled.text).to.deep.equal({ tone: 'success', text: CATALOGS.en.enrolled });
    await checkPage(page, 'enrolment, enrolled');
    expect(await suite.facegate.store.accounts.get('alice')).to.include({ name: 'Alice Liddell' });
    expect(await suite.facegate.store.consents.latest('alice')).to.include({ version: '1', method: 'enrolment_page' });

    const signIn = await suite.browsers.newPage('aliceLater');
    const rp = await startAuthorization(suite.issuer);
    await signIn.goto(rp.url.href);
    await checkPage(signIn, 'sign-in');
    await tabTo(signIn, 'start');
    await signIn.keyboard.press('Enter');
    await signIn.locator('#camera[data-state="on"]').waitFor();
    expect(await focused(signIn)).to.equal('verify');
    await checkPage(signIn, 'sign-in, camera on');
    const back = sentToCallback(signIn);
    await signIn.keyboard.press('Enter');
    expect((await rp.tokens(await back)).claims()).to.include({ sub: 'alice' });
    expect((await suite.facegate.store.accounts.get('alice'))?.lastSignInAt).to.be.a('number');
  });

  it('ui_locales=de: the sign-in page in German end to end, its prompts and refusals too', async () => {
    // A browser set to English: the RP's ui_locales wins.
    const page = await suite.browsers.newPage('stranger', { locale: 'en-US', viewport: { width: 520, height: 880 } });
    const rp = await startAuthorization(suite.issuer, 'spa', { ui_locales: 'de' });
    await page.goto(rp.url.href);
    expect(await page.getAttribute('html', 'lang')).to.equal('de');
    expect(await page.title()).to.equal('Anmelden · facegate');
    expect((await settledStatus(page)).text).to.equal(de['signin.start']);
    await page.getByRole('button', { name: de['camera.start'] }).click();
    await page.locator('#camera[data-state="on"]').waitFor();
    expect((await settledStatus(page)).text).to.equal(de['script.signin_ready']);
    await shoot(page, 'camera-on-de');
    await checkPage(page, 'sign-in in German');
    await page.getByRole('button', { name: de['signin.verify'] }).click();
    await page.locator('#verify:not([disabled])').waitFor();
    const refused = await settledStatus(page);
    expect(refused).to.deep.equal({ tone: 'error', text: `${de.not_recognised} Noch 4 Versuche.` });
    expect(await announced(page)).to.include(refused.text);
    await shoot(page, 'refused-de');
    await checkPage(page, 'sign-in refused, in German');
    expect(await page.locator('main').textContent()).to.not.match(/Verify|camera|Cancel/);

    // The same person accepted, in German, through to the RP.
    const { page: alice, rp: aliceRp } = await signInIn('de', 'aliceLater');
    const back = sentToCallback(alice);
    await alice.getByRole('button', { name: de['signin.verify'] }).click();
    expect((await aliceRp.tokens(await back)).claims()).to.include({ sub: 'alice' });
  });

  for (const language of ['de', 'en'] as const) {
    const words = CATALOGS[language];
    it(`with the live check (ui_locales=${language}), the head-move prompts and the refusal of a photo are in that language, and read out`, async () => {
      const { page } = await signInIn(language, 'alice', { acr_values: faceLivenessAcr });
      await page.getByRole('button', { name: words['signin.verify'] }).click();
      await page.locator('#prompt', { hasText: words['prompt.start'] }).waitFor();
      // The screenshots of the README (interactions/screenshots/): a head-move prompt over the preview.
      await page.locator('#camera[data-move="left"], #camera[data-move="right"], #camera[data-move="up"]').waitFor();
      await shoot(page, `sign-in-${language}`);
      const status = await settledStatus(page);
      expect(status.tone).to.equal('error');
      // A still photo: its frames repeat, or show no move (which one the audit says).
      expect([words.not_live, words['not_live.unsteady']]).to.include(status.text);
      const heard = await announced(page);
      // The prompts come from the assertive live region over the preview.
      expect(heard).to.include(words['prompt.start']);
      const moves = [words['prompt.left'], words['prompt.right'], words['prompt.up']];
      expect(heard.filter((text) => moves.includes(text))).to.have.length(2);
      expect(heard).to.include(status.text);
    });
  }

  /** A sign-in asked for in `language` (ui_locales), camera on, on a page the README's screenshots are the size of. */
  async function signInIn(language: keyof typeof CATALOGS, camera: DemoCamera, extra: Record<string, string> = {}) {
    const page = await suite.browsers.newPage(camera, { viewport: { width: 520, height: 880 } });
    const rp = await startAuthorization(suite.issuer, 'spa', { ui_locales: language, ...extra });
    await page.goto(rp.url.href);
    await page.getByRole('button', { name: CATALOGS[language]['camera.start'] }).click();
    await page.locator('#camera[data-state="on"]').waitFor();
    return { page, rp };
  }

  it('every refusal of the sign-in and enrolment pages is read out: it lands in a live region', async () => {
    const { page: nobody } = await suite.browsers.signInPage('nobody');
    const noFace = await verifyRefused(nobody);
    expect(noFace.text).to.equal(CATALOGS.en.no_face);
    expect(await announced(nobody)).to.include(noFace.text);

    const { page: stranger } = await suite.browsers.signInPage('stranger');
    const heard: string[] = [];
    for (let left = 4; left >= 1; left--) {
      const refused = await verifyRefused(stranger);
      expect(refused.text).to.equal(
        `${CATALOGS.en.not_recognised} ${translate('en', 'script.attempts_left', { count: left })}`,
      );
      heard.push(refused.text);
    }
    await pressVerify(stranger);
    const ended = await settledStatus(stranger);
    expect(ended.text).to.equal(CATALOGS.en.ended);
    heard.push(ended.text);
    expect(await announced(stranger)).to.include.members(heard);

    const { link } = await createInvitation(suite.facegate.store.invitations, suite.facegate.issuer, {
      accountId: 'nemo',
      ttlSeconds: 600,
    });
    const enrolment = await suite.browsers.newPage('nobody');
    const refused = await enrollOnPage(enrolment, link, 'Nemo');
    expect(refused.tone).to.equal('error');
    expect(refused.text).to.match(/^Picture \d: No face was found\./);
    expect(await announced(enrolment)).to.include(refused.text);
    await checkPage(enrolment, 'enrolment refused');
  });

  it('a person whose camera cannot be used is told why and what to do, aloud, and where the other ways in go', async () => {
    // Chromium with no camera at all (no fake device).
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 520, height: 880 } });
      await listenToLiveRegions(context);
      const page = await context.newPage();
      const rp = await startAuthorization(suite.issuer);
      await page.goto(rp.url.href);
      await page.getByRole('button', { name: 'Start camera' }).click();
      await page.locator('#status[data-tone="error"]').waitFor();
      const status = await settledStatus(page);
      expect(status.tone).to.equal('error');
      const cameraSentences = Object.entries(CATALOGS.en)
        .filter(([key]) => key.startsWith('script.camera_') && key !== 'script.camera_starting')
        .map(([, text]) => text.replace('{reason}', ''));
      expect(cameraSentences.some((text) => status.text.startsWith(text.split('(')[0]!))).to.equal(true);
      expect(await announced(page)).to.include(status.text);
      // The section for other ways in is on the page, its sentence pointed out, and the Start camera button usable again.
      await page.locator('#cannot-use.attention', { hasText: CATALOGS.en['camera.cannot_use'] }).waitFor();
      expect(await page.getByRole('region', { name: CATALOGS.en['camera.other_ways'] }).count()).to.equal(1);
      expect(await page.getByRole('button', { name: 'Start camera' }).isEnabled()).to.equal(true);
      await shoot(page, 'no-camera');
      await checkPage(page, 'sign-in without a camera');
    } finally {
      await browser.close();
    }
  });

  it('consent, logout and signed-out pages, and the error pages', async () => {
    const { page, rp } = await suite.browsers.signInPage('aliceLater', 'web');
    await pressVerify(page);
    await page.getByRole('heading', { name: 'Third-party web app asks for access' }).waitFor();
    await checkPage(page, 'consent');
    const back = sentToCallback(page);
    await page.getByRole('button', { name: 'Allow' }).click();
    await rp.tokens(await back);

    // A new tab of the same browser (its session): the first is still landing on the RP's callback, which nobody serves.
    const tab = await page.context().newPage();
    await tab.goto(`${suite.facegate.issuer}/session/end`);
    await tab.getByRole('heading', { name: CATALOGS.en['logout.heading'] }).waitFor();
    await checkPage(tab, 'logout');
    await tab.getByRole('button', { name: CATALOGS.en['logout.confirm'] }).click();
    await tab.getByRole('heading', { name: CATALOGS.en['logged_out.title'] }).waitFor();
    await checkPage(tab, 'signed out');

    await tab.goto(`${suite.facegate.issuer}/enroll/not-a-real-token`);
    await tab.getByRole('heading', { name: CATALOGS.en['enroll.link_broken'] }).waitFor();
    await checkPage(tab, 'error: enrolment link');
    await tab.goto(`${suite.facegate.issuer}/interaction/not-a-real-sign-in`);
    await tab.getByRole('heading', { name: CATALOGS.en['error.expired_heading'] }).waitFor();
    await checkPage(tab, 'error: sign-in expired');
    await tab.goto(`${suite.facegate.issuer}/auth?client_id=nobody&response_type=code&scope=openid&ui_locales=fr`);
    await tab.getByRole('heading', { name: CATALOGS.fr['error.heading'] }).waitFor();
    await checkPage(tab, 'error: oidc-provider’s, in French');
  });

  it('re-consent: after consent.version changes, a recognised face is asked again before the RP gets a code; declining ends with access_denied', async () => {
    const { config } = suite.facegate;
    await suite.facegate.reload({ ...config, consent: { ...config.consent, version: '2' } });
    try {
      // Declined: the RP gets access_denied, no code; the consent stays at version 1.
      const first = await suite.browsers.signInPage(
        'aliceLater',
        'spa',
        {},
        { viewport: { width: 520, height: 1000 } },
      );
      await pressVerify(first.page);
      await first.page.getByRole('heading', { name: CATALOGS.en['consent.again.heading'] }).waitFor();
      await checkPage(first.page, 'consent again');
      await shoot(first.page, 'consent-again');
      // Going back to the authorization endpoint (the interaction's resume) does not sign the face
      // in: no code for the RP, a new sign-in that asks for a face again.
      const uid = new URL(first.page.url()).pathname.split('/')[2]!;
      const toRp: string[] = [];
      first.page.on('request', (request) => {
        if (request.url().startsWith(callback)) toRp.push(request.url());
      });
      await first.page.goto(`${suite.facegate.issuer}/auth/${uid}`);
      await first.page.waitForURL(/\/interaction\/[^/]+$/);
      expect(new URL(first.page.url()).pathname.split('/')[2]).to.not.equal(uid);
      expect(toRp).to.deep.equal([]);
      await startCamera(first.page);
      await pressVerify(first.page);
      await first.page.getByRole('heading', { name: CATALOGS.en['consent.again.heading'] }).waitFor();
      const denied = sentToCallback(first.page);
      await first.page.getByRole('button', { name: CATALOGS.en['consent.again.decline'] }).click();
      const refusedAt = await denied;
      expect(refusedAt.searchParams.get('error')).to.equal('access_denied');
      expect(refusedAt.searchParams.get('code')).to.equal(null);
      expect((await suite.facegate.store.consents.latest('alice'))?.version).to.equal('1');

      // Agreed, from the keyboard: the box ticked, Continue; the RP gets its code, the consent is recorded.
      const second = await suite.browsers.signInPage('aliceLater');
      await pressVerify(second.page);
      await second.page.getByRole('heading', { name: CATALOGS.en['consent.again.heading'] }).waitFor();
      await tabTo(second.page, 'consent');
      await second.page.keyboard.press('Space');
      await tabTo(second.page, 'continue');
      const back = sentToCallback(second.page);
      await second.page.keyboard.press('Enter');
      expect((await second.rp.tokens(await back)).claims()).to.include({ sub: 'alice' });
      expect(await suite.facegate.store.consents.latest('alice')).to.include({ version: '2', method: 'sign_in_page' });

      // Asked once: the next sign-in goes straight back to the RP.
      const third = await suite.browsers.signInPage('aliceLater');
      const straight = sentToCallback(third.page);
      await pressVerify(third.page);
      expect((await third.rp.tokens(await straight)).claims()).to.include({ sub: 'alice' });
    } finally {
      await suite.facegate.reload(config);
    }
  });

  it('axe-core: no serious or critical violation on any of those pages, light, dark and at phone width', () => {
    expect(pagesChecked).to.include.members([
      'enrolment',
      'consent again',
      'sign-in',
      'consent',
      'logout',
      'signed out',
      'error: sign-in expired',
    ]);
    expect(violations).to.deep.equal([]);
  });

  it("ran without a script error or a Content-Security-Policy violation on the provider's pages", () => {
    expect(suite.browsers.pageErrors).to.deep.equal([]);
  });
});
