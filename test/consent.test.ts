import { expect } from 'chai';
import { join } from 'node:path';
import { createInvitation, hashToken } from '../src/access/invitations.js';
import { consentStatement } from '../interactions/consent-statement.js';
import { Words } from '../interactions/words.js';
import { CATALOGS } from '../src/messages/languages.js';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { framesOf, multipart } from './helpers/face-uploads.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * Issue 15, item 1, over HTTP: an enrolment carries the person's consent to the configured policy
 * version, or it is refused on the server (400) before any frame is looked at, whatever the page
 * did; the consent given is recorded with the invitation's token hash, never the token.
 */
describe('consent at enrolment, on the server (SQLite)', function () {
  this.timeout(180_000);
  let facegate: TestFacegate;
  let origin: string;

  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'consent.sqlite') }, undefined, {
      consent: { version: '2026-01', policyUrl: 'https://example.com/privacy' },
    });
    origin = new URL(facegate.issuer).origin;
  });
  after(async () => {
    await facegate?.close();
  });

  const invite = (accountId: string) =>
    createInvitation(facegate.store.invitations, facegate.issuer, { accountId, ttlSeconds: 600 });
  /** An enrolment of face `face` (each account its own face: one face enrolled twice is refused). */
  const send = async (link: string, fields: Record<string, string>, face = 0) =>
    new Browser(origin).json(link, { method: 'POST', body: multipart(await framesOf(face), fields) });

  it('the enrolment page says what is kept before the camera, links the policy and ticks for the configured version', async () => {
    const { link } = await invite('page');
    const page = await (await new Browser(origin).request(link)).text();
    expect(page).to.include('<input id="consent" type="checkbox" name="consent" value="2026-01" required');
    expect(page).to.include('href="https://example.com/privacy"');
    expect(page).to.include(CATALOGS.en['consent.face.kept']);
    expect(page).to.include(CATALOGS.en['consent.face.kept_until_deleted']);
    expect(page).to.include('This service is run by localhost.');
    // Before the camera: the statement comes first in the form.
    expect(page.indexOf('id="consent-statement"')).to.be.below(page.indexOf('id="camera"'));
  });

  it('refuses an enrolment POST without consent: 400 consent_required, nothing stored, the link still good', async () => {
    const { link } = await invite('alice');
    const answer = await send(link, {});
    expect(answer.status, JSON.stringify(answer.body)).to.equal(400);
    expect(answer.body).to.include({ error: 'consent_required' });
    expect(answer.body.message).to.match(/consent/i);
    expect(await facegate.store.templates.listForAccount('alice')).to.deep.equal([]);
    // The request's fault, as too few pictures are: the link keeps its tries.
    expect((await send(link, { consent: '2026-01' })).body).to.include({ status: 'enrolled' });
  });

  it('refuses consent to another version than the configured one (a page opened before the policy changed)', async () => {
    const { link } = await invite('bob');
    const answer = await send(link, { consent: '2025-06' });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(400);
    expect(answer.body).to.include({ error: 'consent_outdated' });
    expect(answer.body.message).to.match(/reload/i);
    const refusedEmpty = await send(link, { consent: '' });
    expect(refusedEmpty.body).to.include({ error: 'consent_required' });
    expect(await facegate.store.templates.listForAccount('bob')).to.deep.equal([]);
  });

  it('says the refusal in the language of the request', async () => {
    const { link } = await invite('dora');
    const answer = await new Browser(origin, { 'accept-language': 'de' }).json(link, {
      method: 'POST',
      body: multipart(await framesOf(0), {}),
    });
    expect(answer.body.error).to.equal('consent_required');
    expect(answer.body.message).to.match(/Einwilligung/);
  });

  it('records the consent given: account, version, time, method and the invitation by its token hash, never the token', async () => {
    const { link } = await invite('carol');
    const token = new URL(link).pathname.split('/').at(-1)!;
    const before = Date.now();
    expect((await send(link, { consent: '2026-01' }, 1)).body).to.include({ status: 'enrolled' });
    const consents = await facegate.store.consents.list('carol');
    expect(consents).to.have.length(1);
    expect(consents[0]).to.deep.include({
      accountId: 'carol',
      version: '2026-01',
      method: 'enrolment_page',
      invitationHash: hashToken(token),
    });
    expect(consents[0]!.at).to.be.within(before, Date.now());
    expect(JSON.stringify(consents)).to.not.include(token);
    const [event] = await facegate.store.audit.recent(1);
    expect(event).to.deep.include({ type: 'enrollment', result: 'enrolled', accountId: 'carol' });
    expect(event!.detail).to.include({ consentVersion: '2026-01' });
  });
});

describe('consent not required (consent.required false)', function () {
  this.timeout(120_000);
  it('enrols without a consent field and records none', async () => {
    const facegate = await startTestFacegate(
      { type: 'sqlite', file: join(temporaryFolder(), 'no-consent.sqlite') },
      undefined,
      { consent: { required: false } },
    );
    try {
      const { link } = await createInvitation(facegate.store.invitations, facegate.issuer, {
        accountId: 'erin',
        ttlSeconds: 600,
      });
      const page = await (await new Browser(new URL(facegate.issuer).origin).request(link)).text();
      expect(page).to.not.include('name="consent"');
      const answer = await new Browser(new URL(facegate.issuer).origin).json(link, {
        method: 'POST',
        body: multipart(await framesOf(0)),
      });
      expect(answer.body).to.include({ status: 'enrolled' });
      expect(await facegate.store.consents.list('erin')).to.deep.equal([]);
    } finally {
      await facegate.close();
    }
  });
});

describe('the consent statement', () => {
  const consent = { required: true, version: '3', policyUrl: null, operator: 'Example Ltd', text: null };
  const issuer = 'https://id.example.com';

  it('says how long templates are kept: the retention period, or until deleted', () => {
    const words = new Words('en');
    expect(consentStatement(words, { consent, issuer, inactiveDays: 1 })!.paragraphs[1]).to.equal(
      'The template is deleted once you have not signed in for 1 day.',
    );
    expect(consentStatement(words, { consent, issuer, inactiveDays: 180 })!.paragraphs).to.include(
      'The template is deleted once you have not signed in for 180 days.',
    );
    expect(consentStatement(words, { consent, issuer, inactiveDays: null })!.paragraphs).to.include(
      CATALOGS.en['consent.face.kept_until_deleted'],
    );
  });

  it("names the operator, or the issuer's host; speaks the person's language", () => {
    expect(
      consentStatement(new Words('de'), { consent, issuer, inactiveDays: 30 })!.paragraphs.slice(1, 3),
    ).to.deep.equal([
      'Das Merkmal wird gelöscht, wenn Sie sich 30 Tage lang nicht angemeldet haben.',
      'Betrieben wird dieser Dienst von Example Ltd.',
    ]);
    const unnamed = consentStatement(new Words('en'), {
      consent: { ...consent, operator: null },
      issuer,
      inactiveDays: null,
    });
    expect(unnamed!.paragraphs).to.include('This service is run by id.example.com.');
  });

  it("shows the operator's own text instead, paragraph by paragraph, and nothing when consent is not required", () => {
    const own = consentStatement(new Words('fr'), {
      consent: { ...consent, text: 'We keep your face.\n\n  Ask us to delete it.  ' },
      issuer,
      inactiveDays: 30,
    });
    expect(own).to.deep.equal({
      paragraphs: ['We keep your face.', 'Ask us to delete it.'],
      policyUrl: null,
      version: '3',
    });
    expect(
      consentStatement(new Words('en'), { consent: { ...consent, required: false }, issuer, inactiveDays: 1 }),
    ).to.equal(undefined);
  });
});
