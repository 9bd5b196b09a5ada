import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { faceAcr, faceLivenessAcr, facePasskeyAcr, passkeyAcr } from '../src/oidc/acr.js';
import { Browser } from './support/browser.js';
import { callback, loggedOut, startTestFacegate, webSecret, type TestFacegate } from './support/facegate.js';
import { isInteraction, signIn } from './helpers/sign-in.js';
import { backends, specOrSkip } from './helpers/stores.js';

const alice = {
  id: 'alice',
  name: 'Alice Liddell',
  givenName: 'Alice',
  familyName: 'Liddell',
  email: 'alice@example.com',
  emailVerified: true,
  picture: 'https://example.com/alice.png',
};

for (const backend of backends) {
  describe(`OpenID Connect with openid-client: ${backend.name}`, () => {
    let facegate: TestFacegate;
    let issuer: URL;

    before(async function () {
      facegate = await startTestFacegate(await specOrSkip(this, backend));
      issuer = new URL(facegate.issuer);
      await facegate.store.accounts.upsert(alice);
    });
    after(async () => {
      await facegate?.close();
    });

    const rp = async (clientId: string, secret?: string) =>
      oidc.discovery(issuer, clientId, undefined, secret ? oidc.ClientSecretBasic(secret) : oidc.None(), {
        execute: [oidc.allowInsecureRequests],
      });

    /** Code flow with PKCE for a public client, signed in as alice: the tokens and the RP config. */
    async function codeFlow(browser: Browser, extra: Record<string, string> = {}) {
      const config = await rp('spa');
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid profile email',
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        ...extra,
      });
      const { url: back } = await signIn(browser, facegate, url, alice.id);
      const tokens = await oidc.authorizationCodeGrant(config, back, {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
      return { config, tokens };
    }

    it('publishes discovery with the flows, modes and claims facegate supports', async () => {
      const metadata = (await rp('spa')).serverMetadata();
      expect(metadata.issuer).to.equal(facegate.issuer);
      expect(metadata.response_types_supported).to.have.members([
        'code',
        'id_token',
        'id_token token',
        'code id_token',
      ]);
      expect(metadata.response_modes_supported).to.have.members(['query', 'fragment', 'form_post']);
      expect(metadata.code_challenge_methods_supported).to.deep.equal(['S256']);
      expect(metadata.scopes_supported).to.include.members(['openid', 'profile', 'email', 'offline_access']);
      expect(metadata.claims_supported).to.include.members([
        'sub',
        'name',
        'given_name',
        'family_name',
        'email',
        'email_verified',
        'picture',
        'acr',
        'amr',
        'auth_time',
      ]);
      expect(metadata.acr_values_supported).to.deep.equal([facePasskeyAcr, faceLivenessAcr, faceAcr, passkeyAcr]);
      expect(metadata.id_token_signing_alg_values_supported).to.include.members(['RS256', 'ES256']);
      for (const endpoint of [
        'userinfo_endpoint',
        'revocation_endpoint',
        'introspection_endpoint',
        'end_session_endpoint',
        'jwks_uri',
      ]) {
        expect(metadata[endpoint], endpoint).to.be.a('string');
      }
    });

    it('publishes public keys only, RS256 and ES256', async () => {
      const jwks = (await (await fetch(new URL('/jwks', issuer))).json()) as { keys: Record<string, string>[] };
      expect(jwks.keys.map((k) => k.alg)).to.include.members(['RS256', 'ES256']);
      for (const key of jwks.keys) expect(key).to.not.have.any.keys('d', 'p', 'q', 'dp', 'dq', 'qi');
    });

    it('code flow with PKCE: the ID token verifies with the JWKS and says face, then userinfo', async () => {
      const { config, tokens } = await codeFlow(new Browser(issuer.origin));
      const { payload, protectedHeader } = await jwtVerify(
        tokens.id_token!,
        createRemoteJWKSet(new URL('/jwks', issuer)),
        { issuer: facegate.issuer, audience: 'spa' },
      );
      expect(protectedHeader.alg).to.equal('RS256');
      expect(payload).to.include({ sub: 'alice', acr: faceAcr });
      expect(payload.amr).to.deep.equal(['face']);
      expect(payload.auth_time).to.be.a('number');
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, 'alice');
      expect(userinfo).to.include({
        sub: 'alice',
        name: alice.name,
        given_name: 'Alice',
        family_name: 'Liddell',
        email: alice.email,
        email_verified: true,
        picture: alice.picture,
      });
    });

    it('releases only the claims of the granted scopes', async () => {
      const config = await rp('spa');
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid email',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const { url: back } = await signIn(new Browser(issuer.origin), facegate, url, alice.id);
      const tokens = await oidc.authorizationCodeGrant(config, back, {
        pkceCodeVerifier: verifier,
        expectedState: oidc.skipStateCheck,
      });
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, 'alice');
      expect(userinfo).to.have.all.keys('sub', 'email', 'email_verified');
    });

    it('implicit id_token: openid-client implicitAuthentication validates it', async () => {
      const config = await rp('implicit');
      oidc.useIdTokenResponseType(config);
      const nonce = oidc.randomNonce();
      const state = oidc.randomState();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid',
        response_type: 'id_token',
        nonce,
        state,
      });
      const { url: back } = await signIn(new Browser(issuer.origin), facegate, url, alice.id);
      expect(back.hash).to.include('id_token=');
      const claims = await oidc.implicitAuthentication(config, back, nonce, { expectedState: state });
      expect(claims).to.include({ sub: 'alice', acr: faceAcr, nonce });
      expect(claims.amr).to.deep.equal(['face']);
    });

    it('implicit id_token token: signature, nonce and at_hash check out with jose, then userinfo', async () => {
      const config = await rp('implicit');
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid profile',
        response_type: 'id_token token',
        nonce,
        state: 'st',
      });
      const { url: back } = await signIn(new Browser(issuer.origin), facegate, url, alice.id);
      const fragment = new URLSearchParams(back.hash.slice(1));
      expect(fragment.get('state')).to.equal('st');
      const accessToken = fragment.get('access_token')!;
      const { payload } = await jwtVerify(fragment.get('id_token')!, createRemoteJWKSet(new URL('/jwks', issuer)), {
        issuer: facegate.issuer,
        audience: 'implicit',
      });
      expect(payload.nonce).to.equal(nonce);
      const digest = createHash('sha256').update(accessToken).digest();
      expect(payload.at_hash).to.equal(digest.subarray(0, digest.length / 2).toString('base64url'));
      const userinfo = await oidc.fetchUserInfo(config, accessToken, 'alice');
      expect(userinfo).to.include({ sub: 'alice', name: alice.name });
    });

    it('code id_token (hybrid) for a confidential client, after consent on the consent page', async () => {
      const config = await rp('web', webSecret);
      oidc.useCodeIdTokenResponseType(config);
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid email',
        nonce,
        state: 'h',
      });
      const browser = new Browser(issuer.origin);
      const beforeConsent = await signIn(browser, facegate, url, alice.id, { consent: false });
      expect(isInteraction(beforeConsent.url, facegate)).to.equal(true);
      const page = await (await browser.request(beforeConsent.url)).text();
      expect(page).to.include('Third-party web app').and.include('email');
      const { url: back } = await browser.navigate(`${beforeConsent.url.pathname}/confirm`, { form: {} });
      const tokens = await oidc.authorizationCodeGrant(config, back, { expectedNonce: nonce, expectedState: 'h' });
      expect(tokens.claims()).to.include({ sub: 'alice', acr: faceAcr });
    });

    it('denying consent sends access_denied to the RP', async () => {
      const config = await rp('web', webSecret);
      const url = oidc.buildAuthorizationUrl(config, { redirect_uri: callback, scope: 'openid profile', state: 'd' });
      const browser = new Browser(issuer.origin);
      const atConsent = await signIn(browser, facegate, url, alice.id, { consent: false });
      const { url: back } = await browser.navigate(`${atConsent.url.pathname}/abort`, { form: {} });
      expect(back.searchParams.get('error')).to.equal('access_denied');
    });

    it('form_post response mode posts the code to the RP', async () => {
      const config = await rp('spa');
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid',
        response_mode: 'form_post',
        state: 'fp',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const { response } = await signIn(new Browser(issuer.origin), facegate, url, alice.id);
      const html = await response.text();
      expect(html)
        .to.include(`action="${callback}"`)
        .and.match(/name="code" value="[^"]+"/);
      const fields = Object.fromEntries([...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      const post = new Request(callback, {
        method: 'POST',
        body: new URLSearchParams(fields as Record<string, string>),
      });
      const tokens = await oidc.authorizationCodeGrant(config, post, {
        pkceCodeVerifier: verifier,
        expectedState: 'fp',
      });
      expect(tokens.claims()?.sub).to.equal('alice');
    });

    it('refreshes tokens for offline_access', async () => {
      const { config, tokens } = await codeFlow(new Browser(issuer.origin), {
        scope: 'openid offline_access',
        prompt: 'consent',
      });
      expect(tokens.refresh_token).to.be.a('string');
      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
      expect(refreshed.access_token).to.be.a('string').and.not.equal(tokens.access_token);
      expect(refreshed.claims()).to.include({ sub: 'alice', acr: faceAcr });
    });

    it('revokes a refresh token, which then no longer refreshes', async () => {
      const { config, tokens } = await codeFlow(new Browser(issuer.origin), {
        scope: 'openid offline_access',
        prompt: 'consent',
      });
      await oidc.tokenRevocation(config, tokens.refresh_token!);
      const error = await oidc.refreshTokenGrant(config, tokens.refresh_token!).catch((e: unknown) => e);
      expect(error).to.include({ error: 'invalid_grant' });
    });

    it('introspects tokens for a confidential client, not for a public one', async () => {
      const web = await rp('web', webSecret);
      const url = oidc.buildAuthorizationUrl(web, { redirect_uri: callback, scope: 'openid', state: 'i' });
      const { url: back } = await signIn(new Browser(issuer.origin), facegate, url, alice.id);
      const tokens = await oidc.authorizationCodeGrant(web, back, { expectedState: 'i' });
      const active = await oidc.tokenIntrospection(web, tokens.access_token);
      expect(active).to.include({ active: true, sub: 'alice', client_id: 'web' });
      await oidc.tokenRevocation(web, tokens.access_token);
      expect(await oidc.tokenIntrospection(web, tokens.access_token)).to.deep.equal({ active: false });

      const spa = await codeFlow(new Browser(issuer.origin));
      // A public client learns nothing, not even that its own live token is live.
      expect(await oidc.tokenIntrospection(spa.config, spa.tokens.access_token)).to.deep.equal({ active: false });
    });

    it('RP-initiated logout shows our page, ends the session and returns to the RP', async () => {
      const browser = new Browser(issuer.origin);
      const { config, tokens } = await codeFlow(browser);
      const endSession = oidc.buildEndSessionUrl(config, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: loggedOut,
        state: 'bye',
      });
      const page = await browser.navigate(endSession);
      const html = await page.response.text();
      expect(html).to.include('Sign out of facegate?').and.include('/static/facegate.css');
      const form = Object.fromEntries([...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      const action = /action="([^"]+)"/.exec(html)![1];
      const { url: back } = await browser.navigate(action, { form: { ...form, logout: 'yes' } });
      expect(back.href).to.equal(`${loggedOut}?state=bye`);

      // Signed out: the next sign-in asks for the login step again.
      const again = await browser.navigate(
        oidc.buildAuthorizationUrl(config, {
          redirect_uri: callback,
          scope: 'openid',
          code_challenge: await oidc.calculatePKCECodeChallenge('x'.repeat(43)),
          code_challenge_method: 'S256',
        }),
      );
      expect(isInteraction(again.url, facegate)).to.equal(true);
    });

    it('skips the login step while the session lasts, for a first-party client', async () => {
      const browser = new Browser(issuer.origin);
      await codeFlow(browser);
      const config = await rp('spa');
      const { url: back } = await browser.navigate(
        oidc.buildAuthorizationUrl(config, {
          redirect_uri: callback,
          scope: 'openid',
          code_challenge: await oidc.calculatePKCECodeChallenge('y'.repeat(43)),
          code_challenge_method: 'S256',
        }),
      );
      expect(back.origin).to.equal(new URL(callback).origin);
      expect(back.searchParams.get('code')).to.be.a('string');
    });

    describe('errors', () => {
      const authorize = (params: Record<string, string>) =>
        fetch(new URL(`/auth?${new URLSearchParams(params)}`, issuer), {
          redirect: 'manual',
          headers: { accept: 'text/html' },
        });
      const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

      it('unknown client: an error page, no redirect', async () => {
        const response = await authorize({
          client_id: 'nobody',
          response_type: 'code',
          redirect_uri: callback,
          scope: 'openid',
        });
        expect(response.status).to.equal(400);
        expect(response.headers.get('location')).to.equal(null);
        expect(await response.text())
          .to.include('invalid_client')
          .and.include('not registered');
      });

      it('redirect URI not registered: an error page, never a redirect', async () => {
        const response = await authorize({
          client_id: 'spa',
          response_type: 'code',
          redirect_uri: 'http://localhost:9999/evil',
          scope: 'openid',
          code_challenge: challenge,
          code_challenge_method: 'S256',
        });
        expect(response.status).to.equal(400);
        expect(response.headers.get('location')).to.equal(null);
        expect(await response.text()).to.include('invalid_redirect_uri');
      });

      it('implicit without nonce: invalid_request back to the RP', async () => {
        const response = await authorize({
          client_id: 'implicit',
          response_type: 'id_token',
          redirect_uri: callback,
          scope: 'openid',
          state: 'n',
        });
        const location = new URL(response.headers.get('location')!);
        const fragment = new URLSearchParams(location.hash.slice(1));
        expect(fragment.get('error')).to.equal('invalid_request');
        expect(fragment.get('error_description')).to.include('nonce');
        expect(fragment.get('state')).to.equal('n');
      });

      it('unsupported response type: unsupported_response_type back to the RP', async () => {
        const response = await authorize({
          client_id: 'spa',
          response_type: 'token',
          redirect_uri: callback,
          scope: 'openid',
          state: 'u',
        });
        const location = new URL(response.headers.get('location')!);
        const params = new URLSearchParams(location.hash.slice(1) || location.search);
        expect(params.get('error')).to.equal('unsupported_response_type');
      });

      it('a public client without PKCE: invalid_request back to the RP', async () => {
        const response = await authorize({
          client_id: 'spa',
          response_type: 'code',
          redirect_uri: callback,
          scope: 'openid',
          state: 'p',
        });
        const location = new URL(response.headers.get('location')!);
        expect(location.searchParams.get('error')).to.equal('invalid_request');
        expect(location.searchParams.get('error_description')).to.include('PKCE');
      });

      it('a wrong client secret: invalid_client from the token endpoint', async () => {
        const response = await fetch(new URL('/token', issuer), {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from('web:not-the-secret').toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'whatever' }),
        });
        expect(response.status).to.equal(401);
        expect(await response.json()).to.include({ error: 'invalid_client' });
      });
    });
  });
}
