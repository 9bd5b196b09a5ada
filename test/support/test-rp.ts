import * as oidc from 'openid-client';
import { callback, webSecret } from './facegate.js';

/**
 * A relying party of the tests, as openid-client makes one: an authorization URL for the code
 * flow with PKCE (client `spa`, public, or `web`, confidential and third-party), and the code
 * exchange once the browser has come back to the callback.
 */
export interface Authorization {
  url: URL;
  /** Exchanges the code of the callback URL; checks state, PKCE and the ID token. */
  tokens(callbackUrl: URL): ReturnType<typeof oidc.authorizationCodeGrant>;
}

export async function startAuthorization(
  issuer: URL,
  clientId = 'spa',
  extra: Record<string, string> = {},
): Promise<Authorization> {
  const auth = clientId === 'web' ? oidc.ClientSecretBasic(webSecret) : oidc.None();
  const config = await oidc.discovery(issuer, clientId, undefined, auth, { execute: [oidc.allowInsecureRequests] });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callback,
    scope: 'openid profile',
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  return {
    url,
    tokens: (callbackUrl) =>
      oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: verifier, expectedState: state }),
  };
}
