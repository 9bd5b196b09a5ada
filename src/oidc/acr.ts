/**
 * The authentication facts facegate puts in ID tokens, defined once. `acr` says what the sign-in
 * proved: a face matched on one frame; a face matched on a burst that passed the liveness
 * challenge; a passkey alone (proof of possession of a key, no face); or a face with the liveness
 * challenge and then a passkey of the same account. An RP that needs one of them asks for it with
 * acr_values (sign-in-methods.ts says what each request allows).
 */
export const faceAcr = 'urn:facegate:acr:face';
export const faceLivenessAcr = 'urn:facegate:acr:face:liveness';
export const passkeyAcr = 'urn:facegate:acr:passkey';
export const facePasskeyAcr = 'urn:facegate:acr:face+passkey';
export const faceAmr = ['face'];
/** RFC 8176 `pop`: without attestation facegate cannot tell a hardware key from a synced one, so no `hwk`. */
export const passkeyAmr = ['pop'];
export const facePasskeyAmr = ['face', 'pop', 'mfa'];

/** The acr values discovery lists: the face ones, and with passkeys on, the passkey ones too. */
export function acrValuesSupported(passkeys: boolean): string[] {
  const face = [faceLivenessAcr, faceAcr];
  return passkeys ? [facePasskeyAcr, ...face, passkeyAcr] : face;
}

/** What the login step hands oidc-provider through interactionFinished. */
export interface LoginResult {
  [key: string]: unknown;
  login: { accountId: string; amr: string[]; acr: string };
}

export function faceLogin(accountId: string, acr: string = faceAcr): LoginResult {
  return { login: { accountId, amr: faceAmr, acr } };
}

export function passkeyLogin(accountId: string): LoginResult {
  return { login: { accountId, amr: passkeyAmr, acr: passkeyAcr } };
}

export function facePasskeyLogin(accountId: string): LoginResult {
  return { login: { accountId, amr: facePasskeyAmr, acr: facePasskeyAcr } };
}
