import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInvitation } from '../src/access/invitations.js';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { portrait, webcamFrame } from './helpers/face-fixtures.js';
import { CONSENT, framesOf, multipart } from './helpers/face-uploads.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * Issue 11, findings 3 and 5: what the holder of an enrolment link can do. A link for an account
 * that has a face adds only that face (a stranger holding it cannot add theirs); it does not say
 * whether a face is enrolled elsewhere; it is spent after `perInteraction` failed tries, and at
 * once on a face enrolled under another account. Every change to templates is audited with the
 * invitation's id.
 */
describe('enrolment links: what a leaked link can do (SQLite)', function () {
  this.timeout(180_000);
  let facegate: TestFacegate;
  let origin: string;

  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'links.sqlite') }, undefined, {
      face: { workers: 1, liveness: 'off', attempts: { perInteraction: 3, perIp: { max: 1000, windowSeconds: 900 } } },
    });
    origin = new URL(facegate.issuer).origin;
    const { link } = await invite('alice');
    expect((await send(link, await framesOf(0))).body).to.include({ status: 'enrolled' });
  });
  after(async () => {
    await facegate?.close();
  });

  const invite = (accountId: string, replace = false) =>
    createInvitation(facegate.store.invitations, facegate.issuer, { accountId, replace, ttlSeconds: 600 });
  const send = (link: string, frames: Buffer[]) =>
    new Browser(origin).json(link, { method: 'POST', body: multipart(frames, CONSENT) });
  const templatesOf = async (accountId: string) =>
    (await facegate.store.templates.listForAccount(accountId)).map((t) => t.id).sort();
  const lastEvent = async () => (await facegate.store.audit.recent(1))[0];

  it("a stranger with a link that adds to alice's face is refused, audited, and alice's templates are unchanged", async () => {
    const before = await templatesOf('alice');
    const { link, id } = await invite('alice');
    const answer = await send(link, await framesOf(1));
    expect(answer.status).to.equal(422);
    expect(answer.body).to.include({ status: 'refused', error: 'not_account_holder' });
    expect(answer.body.message).to.match(/do not match the face already enrolled/);
    expect(await templatesOf('alice')).to.deep.equal(before);
    const event = await lastEvent();
    expect(event).to.include({ type: 'enrollment', result: 'not_account_holder', accountId: 'alice' });
    expect(event.detail.invitation).to.be.a('string').and.equal(id);
  });

  it("alice adds pictures of herself with such a link; the change is audited with the invitation's id", async () => {
    const before = await templatesOf('alice');
    const { link, id } = await invite('alice');
    const answer = await send(link, [await webcamFrame(await portrait(0), 300), ...(await framesOf(0)).slice(1)]);
    expect(answer.body).to.include({ status: 'enrolled' });
    expect((await templatesOf('alice')).length).to.equal(before.length + 3);
    const event = await lastEvent();
    expect(event).to.include({ type: 'enrollment', result: 'enrolled', accountId: 'alice' });
    expect(event.detail).to.include({ invitation: id, change: 'added', templates: 3 });
  });

  it('a --replace link says so on its page, and replaces the face, audited as a replacement', async () => {
    await facegate.store.accounts.upsert({ id: 'bob' });
    const first = await invite('bob');
    expect((await send(first.link, await framesOf(2))).body).to.include({ status: 'enrolled' });
    const { link, id } = await invite('bob', true);
    const page = await (await new Browser(origin).request(link)).text();
    expect(page).to.match(/replaces the face enrolled/);
    expect((await send(link, await framesOf(3))).body).to.include({ status: 'enrolled' });
    expect((await lastEvent()).detail).to.include({ invitation: id, change: 'replaced' });
  });

  it('does not say a face is enrolled elsewhere: a generic refusal, the reason in the audit, the link spent at once', async () => {
    const { link } = await invite('carol');
    const answer = await send(link, await framesOf(0));
    expect(answer.status).to.equal(422);
    expect(answer.body.error).to.equal('enrollment_refused');
    expect(answer.body.message).to.equal('This enrolment cannot be completed: ask whoever sent you the link.');
    expect(JSON.stringify(answer.body)).to.not.include('already');
    expect(await lastEvent()).to.include({ result: 'already_enrolled', accountId: 'carol' });
    expect((await send(link, await framesOf(3))).status).to.equal(410);
  });

  it('a link is spent after perInteraction failed tries', async () => {
    const { link } = await invite('dave');
    const mixed = async () => [...(await framesOf(1)).slice(0, 2), await webcamFrame(await portrait(3))];
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await send(link, await mixed()));
    expect(answers.map((a) => a.status)).to.deep.equal([422, 422, 422, 410]);
    expect(answers[2].body).to.include({ error: 'not_same_person', linkSpent: true });
    expect(answers[2].body.message).to.match(/cannot be used again/);
    expect(answers[3].body).to.include({ error: 'invalid_link' });
  });
});

describe('facegate invite --replace says what its link does', () => {
  it('prints that the link replaces the face', () => {
    const folder = temporaryFolder();
    const config = join(folder, 'facegate.config.json');
    writeFileSync(config, JSON.stringify({ storage: { type: 'sqlite', file: 'invite.sqlite' } }));
    const run = spawnSync(process.execPath, ['bin/facegate.js', 'invite', 'alice', '--replace', '--config', config], {
      encoding: 'utf8',
    });
    expect(run.status).to.equal(0);
    expect(run.stderr).to.match(/replaces the face enrolled/);
    const plain = spawnSync(process.execPath, ['bin/facegate.js', 'invite', 'alice', '--config', config], {
      encoding: 'utf8',
    });
    expect(plain.stderr).to.match(/adds to the face enrolled/);
  });
});
