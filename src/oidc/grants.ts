import type { Grant, KoaContextWithOIDC, PromptDetail } from 'oidc-provider';

/** Adds to a grant what the consent prompt found missing (the example routes' "confirm" step). */
export function addMissingToGrant(grant: Grant, details: PromptDetail['details']): void {
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
}

/**
 * oidc-provider's `loadExistingGrant`: the grant from this consent or from the session, as by
 * default; and for a first-party client, a grant of everything it asked for, so its users never
 * see a consent page.
 */
export function loadExistingGrantWith(isFirstParty: (clientId: string) => boolean) {
  return async (ctx: KoaContextWithOIDC): Promise<Grant | undefined> => {
    const { oidc } = ctx;
    const client = oidc.client!;
    const session = oidc.session!;
    const grantId =
      (oidc.result?.consent as { grantId?: string } | undefined)?.grantId ?? session.grantIdFor(client.clientId);
    const grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
    if (!isFirstParty(client.clientId)) return grant;

    const firstPartyGrant =
      grant ?? new oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
    firstPartyGrant.addOIDCScope(oidc.requestParamScopes);
    firstPartyGrant.addOIDCClaims(oidc.requestParamClaims);
    await firstPartyGrant.save();
    return firstPartyGrant;
  };
}
