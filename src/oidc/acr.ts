/**
 * The authentication facts facegate puts in ID tokens, defined once. `acr` says how strong the
 * face check was: a face matched on one frame, or a face matched on a burst that passed the
 * liveness challenge. An RP that needs the latter asks for it with acr_values.
 */
export const faceAcr = 'urn:facegate:acr:face';
export const faceLivenessAcr = 'urn:facegate:acr:face:liveness';
export const faceAmr = ['face'];
export const acrValues = [faceLivenessAcr, faceAcr];

/** The client's acr_values ask for the liveness check: that sign-in needs the challenge. */
export function asksForLiveness(acrValues: unknown): boolean {
  return typeof acrValues === 'string' && acrValues.split(' ').includes(faceLivenessAcr);
}

/** What the login step hands oidc-provider through interactionFinished. */
export interface LoginResult {
  [key: string]: unknown;
  login: { accountId: string; amr: string[]; acr: string };
}

export function faceLogin(accountId: string, acr: string = faceAcr): LoginResult {
  return { login: { accountId, amr: faceAmr, acr } };
}
