import { createHash, timingSafeEqual } from 'node:crypto';
import type Provider from 'oidc-provider';
import { ACCOUNT_CLIENT_ID, accountCallback } from './account-client.js';

/** Who signed in to the /account page: the account, and the provider session it signed in with. */
export interface AccountSignIn {
  accountId: string;
  /** The provider session's uid: the page lives only as long as that session. */
  sessionUid: string;
  /** Epoch seconds of the face sign-in. */
  authTime: number;
}

/**
 * Redeems an authorization code issued to facegate's own client, in the process, with the checks
 * the token endpoint makes (RFC 6749 4.1.3, RFC 7636): a code of this client, for this callback,
 * not expired, unspent, whose PKCE challenge the verifier answers, whose grant still exists; then
 * spends it (atomically: of two callbacks with one code, one gets through). No token is issued:
 * the page needs the account and the session, which the code carries. Undefined when any check fails.
 */
export async function redeemAccountCode(
  provider: Provider,
  code: string,
  verifier: string,
): Promise<AccountSignIn | undefined> {
  const found = await provider.AuthorizationCode.find(code, { ignoreExpiration: true }).catch(() => undefined);
  if (!found || found.clientId !== ACCOUNT_CLIENT_ID || found.isExpired || spent(found)) return undefined;
  if (found.redirectUri !== accountCallback(provider.issuer)) return undefined;
  if (found.codeChallengeMethod !== 'S256' || !answers(verifier, found.codeChallenge)) return undefined;
  const { accountId, sessionUid, authTime, grantId } = found;
  if (!accountId || !sessionUid || typeof authTime !== 'number' || !grantId) return undefined;
  const grant = await provider.Grant.find(grantId);
  if (!grant || grant.accountId !== accountId || grant.clientId !== ACCOUNT_CLIENT_ID) return undefined;
  try {
    await found.consume();
  } catch {
    return undefined;
  }
  return { accountId, sessionUid, authTime };
}

/** oidc-provider keeps the time a code was spent as `consumed` (its types do not name it). */
const spent = (code: object) => Boolean((code as { consumed?: number }).consumed);

/** Whether sha256(verifier), base64url, is the challenge, compared in constant time. */
function answers(verifier: string, challenge: string | undefined): boolean {
  if (!challenge) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

/** Whether the provider session the page was signed in with still exists, for that account (not ended, not revoked). */
export async function sessionStillOpen(provider: Provider, signIn: Pick<AccountSignIn, 'accountId' | 'sessionUid'>) {
  const session = await provider.Session.findByUid(signIn.sessionUid);
  return session?.accountId === signIn.accountId;
}
