import { expect } from 'chai';
import { createLocalJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { Browser } from './support/browser.js';
import { callback, startTestFacegate, type TestFacegate } from './support/facegate.js';
import { signIn } from './helpers/sign-in.js';
import { backends, specOrSkip } from './helpers/stores.js';

for (const backend of backends) {
  describe(`a restart keeps keys, sessions, grants and refresh tokens: ${backend.name}`, () => {
    let facegate: TestFacegate | undefined;
    after(async () => {
      await facegate?.close();
    });

    it('serves the same issuer state after a restart on the same store', async function () {
      const spec = await specOrSkip(this, backend);
      facegate = await startTestFacegate(spec);
      const { issuer, port } = facegate;
      await facegate.store.accounts.upsert({ id: 'alice', name: 'Alice' });
      const rp = () =>
        oidc.discovery(new URL(issuer), 'spa', undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
      const authorizationUrl = async (
        config: oidc.Configuration,
        verifier: string,
        extra: Record<string, string> = {},
      ) =>
        oidc.buildAuthorizationUrl(config, {
          redirect_uri: callback,
          scope: 'openid offline_access',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          ...extra,
        });

      const browser = new Browser(new URL(issuer).origin);
      let config = await rp();
      const verifier = oidc.randomPKCECodeVerifier();
      const { url: back } = await signIn(
        browser,
        facegate,
        await authorizationUrl(config, verifier, { prompt: 'consent' }),
        'alice',
      );
      const tokens = await oidc.authorizationCodeGrant(config, back, {
        pkceCodeVerifier: verifier,
        expectedState: oidc.skipStateCheck,
      });
      const jwksBefore = await (await fetch(new URL('/jwks', issuer))).json();

      await facegate.close();
      facegate = await startTestFacegate(spec, port);
      config = await rp();

      // Keys: the same JWKS, and the ID token issued before verifies with it.
      const jwksAfter = await (await fetch(new URL('/jwks', issuer))).json();
      expect(jwksAfter).to.deep.equal(jwksBefore);
      await jwtVerify(tokens.id_token!, createLocalJWKSet(jwksAfter as { keys: [] }), { issuer, audience: 'spa' });

      // Refresh token and its grant.
      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
      expect(refreshed.claims()?.sub).to.equal('alice');

      // Session (its cookie was signed with the stored cookie key): no login step this time.
      const again = oidc.randomPKCECodeVerifier();
      const { url: direct } = await browser.navigate(await authorizationUrl(config, again));
      expect(direct.origin).to.equal(new URL(callback).origin);
      const second = await oidc.authorizationCodeGrant(config, direct, {
        pkceCodeVerifier: again,
        expectedState: oidc.skipStateCheck,
      });
      expect(second.claims()?.sub).to.equal('alice');
    });
  });
}
