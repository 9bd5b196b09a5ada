/**
 * The authentication facts facegate puts in ID tokens, defined once. The next issues add
 * stronger acr values (a face with a liveness check); each is listed in `acrValues` here.
 */
export const faceAcr = 'urn:facegate:acr:face';
export const faceAmr = ['face'];
export const acrValues = [faceAcr];

/** What the login step hands oidc-provider through interactionFinished. */
export interface LoginResult {
  [key: string]: unknown;
  login: { accountId: string; amr: string[]; acr: string };
}

export function faceLogin(accountId: string, acr: string = faceAcr): LoginResult {
  return { login: { accountId, amr: faceAmr, acr } };
}
