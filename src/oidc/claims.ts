import type { AccountRecord } from '../../adapters/contract.js';
import type { ClaimName } from '../config/types.js';

/**
 * oidc-provider's `claims` option: the configured scopes, and `openid` releasing how the person
 * signed in (acr, amr, auth_time) with sub, so every ID token says it was a face.
 */
export function claimsConfiguration(scopes: Record<string, ClaimName[]>): Record<string, string[] | null> {
  return { ...scopes, openid: ['sub', 'acr', 'amr', 'auth_time'], sid: null, iss: null };
}

/** The standard claims an account can release; oidc-provider filters them by the granted scopes. */
export function accountClaims(account: AccountRecord): Record<string, unknown> & { sub: string } {
  const claims: Record<ClaimName, unknown> = {
    name: account.name,
    given_name: account.givenName,
    family_name: account.familyName,
    email: account.email,
    email_verified: account.emailVerified,
    picture: account.picture,
  };
  return { sub: account.id, ...Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)) };
}
