import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'chai';
import type { PasskeyRecord } from '../adapters/contract.js';
import { faceAcr } from '../src/oidc/acr.js';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { finishLogin } from './helpers/finish-login.js';
import { temporaryFolder } from './helpers/stores.js';

/**
 * Passkeys on /account (issue 16 with issue 15 item 3): listed, removed one by one with the page's
 * CSRF token and only the signed-in account's, kept when the face is deleted, in the download
 * without private parts; and the page's own sign-in asks for a face, so a passkey alone does not
 * open it. The login step is completed as the face page would (finishLogin).
 */
describe('/account: passkeys listed and removed', function () {
  this.timeout(60_000);
  let facegate: TestFacegate;
  const passkeyOf = (accountId: string): PasskeyRecord => ({
    credentialId: randomBytes(16).toString('base64url'),
    accountId,
    publicKey: new Uint8Array(randomBytes(77)),
    counter: 3,
    transports: ['internal'],
    createdAt: Date.now() - 60_000,
  });

  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'account-passkeys.sqlite') });
    for (const id of ['alice', 'bob']) await facegate.store.accounts.upsert({ id, name: id });
  });
  after(async () => {
    await facegate?.close();
  });

  async function openPage(accountId: string) {
    const browser = new Browser(facegate.issuer);
    const login = await browser.navigate('/account');
    expect(login.url.pathname).to.match(/^\/interaction\//);
    const page = await browser.navigate(await finishLogin(facegate.provider, login.url, accountId));
    const html = await page.response.text();
    return { browser, html, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
  }

  it('asks for a face to open the page: its sign-in sends acr_values for the face', async () => {
    const browser = new Browser(facegate.issuer);
    const answer = await browser.request('/account');
    const to = new URL(answer.headers.get('location')!, facegate.issuer);
    expect(to.searchParams.get('acr_values')).to.equal(faceAcr);
  });

  it('lists the account’s passkeys, and removes one only with the page’s token and only the account’s own', async () => {
    const mine = passkeyOf('alice');
    const bobs = passkeyOf('bob');
    await facegate.store.passkeys.add(mine);
    await facegate.store.passkeys.add(bobs);
    const alice = await openPage('alice');
    expect(alice.html).to.include('Your passkeys').and.include(`value="${mine.credentialId}"`);
    expect(alice.html).to.not.include(bobs.credentialId);

    const forms: Record<string, string>[] = [
      { credential: mine.credentialId },
      { csrf: 'forged', credential: mine.credentialId },
    ];
    for (const form of forms) {
      expect((await alice.browser.request('/account/passkeys/remove', { form })).status).to.equal(403);
    }
    await alice.browser.request('/account/passkeys/remove', {
      form: { csrf: alice.csrf, credential: bobs.credentialId },
    });
    expect(await facegate.store.passkeys.get(bobs.credentialId)).to.deep.equal(bobs);
    expect(await facegate.store.passkeys.get(mine.credentialId)).to.not.equal(undefined);

    const removed = await alice.browser.request('/account/passkeys/remove', {
      form: { csrf: alice.csrf, credential: mine.credentialId },
    });
    expect(removed.status).to.equal(303);
    expect(await facegate.store.passkeys.get(mine.credentialId)).to.equal(undefined);
    const [event] = await facegate.store.audit.recent(1);
    expect(event).to.include({ type: 'passkey', result: 'removed', accountId: 'alice' });
  });

  it('gives a passkey registration grant for the signed-in account only with the page’s token; the grant registers to that account alone', async () => {
    const alice = await openPage('alice');
    for (const form of [{}, { csrf: 'forged' }] as Record<string, string>[]) {
      expect((await alice.browser.request('/account/passkeys/grant', { form })).status).to.equal(403);
    }
    const answer = await alice.browser.json('/account/passkeys/grant', { method: 'POST', form: { csrf: alice.csrf } });
    expect(answer.status).to.equal(200);
    const { grant } = answer.body as { grant: string };
    expect(grant).to.match(/^[\w-]{43}$/);
    // The registration ceremony's options name the account the grant is bound to, and only it.
    const options = await new Browser(facegate.issuer).json('/passkeys/register/options', {
      body: JSON.stringify({ grant }),
      contentType: 'application/json',
    });
    expect((options.body as { options: { user: { name: string } } }).options.user.name).to.equal('alice');
  });

  it('the download holds the passkeys’ public parts; deleting the face leaves them', async () => {
    const mine = passkeyOf('alice');
    await facegate.store.passkeys.add(mine);
    const alice = await openPage('alice');
    const data = (await (await alice.browser.request('/account/data', { form: { csrf: alice.csrf } })).json()) as {
      passkeys: Record<string, unknown>[];
    };
    expect(data.passkeys).to.deep.equal([
      {
        credentialId: mine.credentialId,
        publicKey: Buffer.from(mine.publicKey).toString('base64url'),
        counter: 3,
        transports: ['internal'],
        createdAt: new Date(mine.createdAt).toISOString(),
        lastUsedAt: null,
      },
    ]);
    await alice.browser.request('/account/delete', { form: { csrf: alice.csrf } });
    expect(await facegate.store.passkeys.get(mine.credentialId)).to.not.equal(undefined);
  });
});
