import { expect } from 'chai';
import { join } from 'node:path';
import { faceAcr, faceLivenessAcr } from '../src/oidc/acr.js';
import { callback, enrollPhotos, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { portrait, webcamFrame } from './helpers/face-fixtures.js';
import { openFacePage, postFace } from './helpers/face-page.js';
import { temporaryFolder } from './helpers/stores.js';
import { startAuthorization } from './support/test-rp.js';

/**
 * Issue 10, item 4: an RP that asks for the liveness acr gets it, or no sign-in. A session made
 * without the challenge (liveness off: acr urn:facegate:acr:face) is not enough: the person is
 * asked to sign in again with the challenge, and with prompt=none the RP gets login_required.
 */
describe('step-up to the liveness acr is honest', function () {
  this.timeout(120_000);
  let facegate: TestFacegate;
  let issuer: URL;

  before(async () => {
    facegate = await startTestFacegate({ type: 'sqlite', file: join(temporaryFolder(), 'step-up.sqlite') });
    issuer = new URL(facegate.issuer);
    await enrollPhotos(facegate, 'alice', 'Alice', [await portrait(0)]);
  });
  after(async () => {
    await facegate?.close();
  });

  /** A browser with a session of alice's, signed in with one frame (acr urn:facegate:acr:face). */
  async function signedInWithoutChallenge() {
    const signIn = await openFacePage(issuer);
    const answer = await postFace(signIn, await webcamFrame(await portrait(0)));
    expect(answer.body).to.include({ status: 'accepted' });
    const { url: back } = await signIn.browser.navigate(answer.body.redirectTo as string);
    expect((await signIn.rp.tokens(back)).claims()).to.include({ sub: 'alice', acr: faceAcr });
    return signIn.browser;
  }

  it('with prompt=none: login_required, never a code with the weaker acr', async () => {
    const browser = await signedInWithoutChallenge();
    const silent = await startAuthorization(issuer, 'spa', { prompt: 'none' });
    const { url: plain } = await browser.navigate(silent.url);
    expect(plain.searchParams.get('code'), 'the session serves a request without acr_values').to.be.a('string');

    const stepUp = await startAuthorization(issuer, 'spa', { prompt: 'none', acr_values: faceLivenessAcr });
    const { url } = await browser.navigate(stepUp.url);
    expect(url.href.startsWith(callback)).to.equal(true);
    expect(url.searchParams.get('code')).to.equal(null);
    expect(url.searchParams.get('error')).to.equal('login_required');
  });

  it('without prompt=none: the sign-in page again, with the challenge', async () => {
    const browser = await signedInWithoutChallenge();
    const stepUp = await startAuthorization(issuer, 'spa', { acr_values: faceLivenessAcr });
    const { url, response } = await browser.navigate(stepUp.url);
    expect(url.pathname).to.match(/^\/interaction\//);
    expect(await response.text()).to.contain('data-liveness="true"');
  });
});
