import type { ClientMetadata } from 'oidc-provider';

/**
 * facegate's own client, through which a person signs in to their /account page: registered by
 * the server itself (never in the configuration), public, code flow with PKCE, its one redirect
 * URI the page's callback on this issuer. It is first-party: no consent page. No token is ever
 * issued to it: the page redeems its code in the process (account-code.ts).
 */
export const ACCOUNT_CLIENT_ID = 'facegate-account';

export const ACCOUNT_CALLBACK_PATH = '/account/callback';

export function accountCallback(issuer: string): string {
  return new URL(ACCOUNT_CALLBACK_PATH, issuer).href;
}

export function accountClientMetadata(issuer: string): ClientMetadata {
  return {
    client_id: ACCOUNT_CLIENT_ID,
    client_name: 'facegate',
    token_endpoint_auth_method: 'none',
    redirect_uris: [accountCallback(issuer)],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  };
}
