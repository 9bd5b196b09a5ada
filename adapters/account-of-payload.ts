import type { OidcPayload } from './contract.js';

/**
 * The account an oidc-provider record belongs to (sessions once signed in, grants, tokens, codes
 * carry `accountId`), kept beside the record so that AccountTokenStore finds them by account.
 */
export function accountIdOf(payload: OidcPayload): string | null {
  return typeof payload.accountId === 'string' ? payload.accountId : null;
}
