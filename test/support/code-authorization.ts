import * as oidc from 'openid-client';

/**
 * An authorization for the code flow with PKCE, as openid-client makes one: its URL, and the code
 * exchange once the browser has come back to the callback. Shared by the tests' and the load
 * bench's relying parties.
 */
export interface Authorization {
  url: URL;
  /** Exchanges the code of the callback URL; checks state, PKCE and the ID token. */
  tokens(callbackUrl: URL): ReturnType<typeof oidc.authorizationCodeGrant>;
}

export async function codeAuthorization(
  config: oidc.Configuration,
  redirectUri: string,
  scope: string,
  extra: Record<string, string>,
): Promise<Authorization> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
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
