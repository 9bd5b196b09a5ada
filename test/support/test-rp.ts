import * as oidc from 'openid-client';
import { callback, webSecret } from './facegate.js';
import { codeAuthorization, type Authorization } from './code-authorization.js';

/**
 * A relying party of the tests, as openid-client makes one: an authorization URL for the code
 * flow with PKCE (client `spa`, public, or `web`, confidential and third-party), and the code
 * exchange once the browser has come back to the callback.
 */
export type { Authorization } from './code-authorization.js';

export async function startAuthorization(
  issuer: URL,
  clientId = 'spa',
  extra: Record<string, string> = {},
): Promise<Authorization> {
  const auth = clientId === 'web' ? oidc.ClientSecretBasic(webSecret) : oidc.None();
  const config = await oidc.discovery(issuer, clientId, undefined, auth, { execute: [oidc.allowInsecureRequests] });
  return codeAuthorization(config, callback, 'openid profile', extra);
}
