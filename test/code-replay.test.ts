/**
 * An authorization code is spent once, even when its exchanges race: an attacker who has the code
 * (and the PKCE verifier, e.g. a malicious script in the RP) sends it several times at once, hoping
 * that two requests both find it unspent before either marks it. The store spends it atomically;
 * the losers get invalid_grant, and the grant is revoked, as for a code used again later.
 */
import { expect } from 'chai';
import type { StoreSpec } from '../adapters/contract.js';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { startAuthorization } from './support/test-rp.js';
import { signIn } from './helpers/sign-in.js';
import { backends, specOrSkip } from './helpers/stores.js';

for (const backend of backends) {
  describe(`authorization codes spent once: ${backend.name}`, function () {
    this.timeout(60_000);
    let spec: StoreSpec;
    let facegate: TestFacegate | undefined;

    beforeEach(async function () {
      spec = await specOrSkip(this, backend);
    });
    afterEach(async () => {
      await facegate?.close();
      facegate = undefined;
    });

    it('gives tokens to at most one of eight concurrent exchanges of one code', async () => {
      facegate = await startTestFacegate(spec);
      await facegate.store.accounts.upsert({ id: 'alice' });
      let won = 0;
      for (let round = 0; round < 5; round++) {
        const rp = await startAuthorization(new URL(facegate.issuer));
        const { url: back } = await signIn(new Browser(new URL(facegate.issuer).origin), facegate, rp.url, 'alice');
        expect(back.searchParams.get('code'), back.href).to.be.a('string');
        const results = await Promise.allSettled(Array.from({ length: 8 }, () => rp.tokens(back)));
        const granted = results.filter((r) => r.status === 'fulfilled');
        expect(granted.length, `round ${round}`).to.be.at.most(1);
        won += granted.length;
      }
      expect(won).to.be.above(0);
    });
  });
}
