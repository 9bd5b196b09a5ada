import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { AccountData } from '../src/access/account-data.js';
import { createInvitation } from '../src/access/invitations.js';
import { CATALOGS } from '../src/messages/languages.js';
import { screenshots } from './helpers/screenshots.js';
import { useFacePagesSuite } from './helpers/face-pages-suite.js';
import { violationsAllWays } from './support/axe.js';
import { sentToCallback } from './support/face-browsers.js';
import { tabTo } from './support/keyboard.js';
import { refreshAsSpa } from './support/refresh.js';
import { enrollOnPage, pressVerify, startCamera, verifyRefused } from './support/face-pages.js';

const en = CATALOGS.en;

/** Tab presses, from the top of the page, until `id` has the focus. */
async function reachByKeyboard(page: Page, id: string): Promise<void> {
  await page.evaluate('document.activeElement?.blur()');
  await tabTo(page, id, 20);
}

/**
 * Issue 15 item 3's bars, in Chromium with a fake webcam against a real facegate: a person enrolled
 * through a link signs in to an RP (which keeps a refresh token), opens /account with their face
 * and sees their face and consent, downloads their data, adds a fresh enrolment (a stranger's is
 * refused 1:1), deletes their face; then their face is
 * not recognised and the RP's refresh token is refused. axe-core on the page and its confirmation,
 * light, dark and at phone width; the actions reached from the keyboard.
 */
describe('/account in the browser: see, download, delete my face', function () {
  this.timeout(300_000);
  const suite = useFacePagesSuite();
  const { shoot, folder } = screenshots('account');

  it('signs in with the face, shows the face and consent, downloads the data, adds a fresh enrolment (a stranger’s refused 1:1), deletes the face; the face and the refresh token then fail', async () => {
    const { facegate, issuer, browsers } = suite;
    const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'alice',
      profile: { name: 'Alice Liddell', email: 'alice@example.com' },
      ttlSeconds: 600,
    });
    const enrolled = await enrollOnPage(await browsers.newPage('alice'), link);
    expect(enrolled.text).to.equal(en.enrolled);
    // The enrolment page recorded the consent ticked there, to the configured version.
    const version = facegate.config.consent.version;
    expect(await facegate.store.consents.latest('alice')).to.include({ version, method: 'enrolment_page' });

    // An RP signs Alice in and keeps a refresh token.
    const { page: rpPage, rp } = await browsers.signInPage('aliceLater', 'spa', {
      scope: 'openid profile offline_access',
      prompt: 'consent',
    });
    const back = sentToCallback(rpPage);
    await pressVerify(rpPage);
    const tokens = await rp.tokens(await back);
    expect(tokens.refresh_token).to.be.a('string');

    // /account: a face sign-in of facegate's own, then the page.
    const page = await browsers.newPage('aliceLater', { viewport: { width: 900, height: 1100 } });
    await page.goto(new URL('/account', issuer).href);
    expect(new URL(page.url()).pathname).to.match(/^\/interaction\//);
    await startCamera(page);
    await pressVerify(page);
    await page.waitForURL((url) => url.pathname === '/account');
    expect(await page.locator('h1').textContent()).to.equal('Alice Liddell');
    const faces = await page.locator('.faces').textContent();
    expect(faces)
      .to.match(/\d+ templates/)
      .and.include('Through the enrolment link');
    expect(await page.locator('section', { has: page.locator('#consent-heading') }).textContent()).to.include(
      `You consented to version ${version}`,
    );
    const signIns = page.locator('table.signins tbody tr');
    expect(await signIns.count()).to.be.at.least(2);
    expect(await signIns.first().textContent())
      .to.include(en['account.this_page'])
      .and.include(en['account.accepted']);
    expect(await page.locator('table.signins').textContent()).to.include('spa');
    await shoot(page, 'account');
    const violations = await violationsAllWays(page, 'account');
    for (const id of ['add-face', 'embeddings', 'download-data', 'delete-face']) await reachByKeyboard(page, id);

    // Download my data, with the embeddings.
    await page.getByLabel(en['account.with_embeddings']).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en['account.download'] }).click(),
    ]);
    expect(download.suggestedFilename()).to.equal('facegate-alice.json');
    const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      account: { id: string };
      consents: { version: string }[];
      templates: { embedding: number[] }[];
      audit: { type: string }[];
    };
    expect(data.account.id).to.equal('alice');
    expect(data.consents[0]!.version).to.equal(version);
    expect(data.templates.length).to.be.at.least(1);
    expect(data.templates[0]!.embedding.length).to.be.above(100);
    expect(data.audit.map((event) => event.type)).to.include.members(['signin', 'enrollment']);

    // Add a fresh enrolment: the enrolment page, pictures of the same person added to the face.
    const templatesBefore = (await facegate.store.templates.listForAccount('alice')).length;
    await page.getByRole('button', { name: en['account.add_face'] }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/enroll/'));
    const added = await enrollOnPage(page, page.url());
    expect(added.text).to.equal(en.enrolled);
    expect((await facegate.store.templates.listForAccount('alice')).length).to.be.above(templatesBefore);
    // The same kind of link opened by someone else: their face does not match Alice's, 1:1.
    const strangersLink = await new AccountData(facegate.store, facegate.issuer).freshEnrolment('alice');
    const stranger = await enrollOnPage(await browsers.newPage('stranger'), strangersLink);
    expect(stranger.tone).to.equal('error');
    expect(stranger.text).to.include(en.not_account_holder);
    await page.goto(new URL('/account', issuer).href);
    await page.waitForURL((url) => url.pathname === '/account');

    // Delete my face: the confirmation, from the keyboard.
    await page.getByRole('link', { name: en['account.delete_face'] }).click();
    await page.waitForURL((url) => url.pathname === '/account/delete');
    expect(await page.locator('h1').textContent()).to.equal(en['account.delete_title']);
    await shoot(page, 'account-delete');
    violations.push(...(await violationsAllWays(page, 'account delete confirmation')));
    await reachByKeyboard(page, 'keep-face');
    await reachByKeyboard(page, 'confirm-delete');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: en['account.deleted_title'] }).waitFor();
    violations.push(...(await violationsAllWays(page, 'account deleted')));
    expect(violations, violations.join('\n')).to.deep.equal([]);
    expect(await facegate.store.templates.listForAccount('alice')).to.deep.equal([]);

    // The face is not recognised any more, and the RP's refresh token is refused.
    const { page: again } = await browsers.signInPage('aliceLater');
    const refused = await verifyRefused(again);
    expect(refused.text.startsWith(en.not_recognised), refused.text).to.equal(true);
    const refreshed = await refreshAsSpa(issuer, tokens.refresh_token!);
    expect(refreshed.status).to.equal(400);
    expect(await refreshed.json()).to.include({ error: 'invalid_grant' });
    expect(browsers.pageErrors).to.deep.equal([]);
    expect(folder).to.be.a('string');
  });
});
