/**
 * Which ways of signing in an authorization request allows, from the acr values it asks for
 * (acr_values). Asking for nothing allows
 * every way on; asking for some allows the ways whose acr is one of them or stronger:
 * - face (face, face:liveness): the face alone, with the liveness challenge for face:liveness;
 * - passkey: the passkey alone;
 * - face+passkey alone: the face with the liveness challenge, then a passkey of the same account.
 * So an RP that asks for a face acr never gets a passkey-only sign-in.
 */
import { faceAcr, faceLivenessAcr, facePasskeyAcr, passkeyAcr } from './acr.js';

export interface SignInMethods {
  /** A face sign-in ends the sign-in (when false and facePlusPasskey, it is the first step). */
  face: boolean;
  /** "Use a passkey instead" is offered. */
  passkey: boolean;
  /** The face, then a passkey of the same account. */
  facePlusPasskey: boolean;
  /** The face step needs the liveness challenge. */
  liveness: boolean;
}

/** What each acr proves, as the acrs it also satisfies. */
const SATISFIES: Record<string, readonly string[]> = {
  [faceAcr]: [faceAcr],
  [faceLivenessAcr]: [faceLivenessAcr, faceAcr],
  [passkeyAcr]: [passkeyAcr],
  [facePasskeyAcr]: [facePasskeyAcr, faceLivenessAcr, faceAcr, passkeyAcr],
};

/**
 * The known acr values the request asks for (acr_values). The claims parameter, the other way to
 * ask for an acr, is not turned on in this provider (oidc-provider's claimsParameter feature).
 */
export function requestedAcrs(params: Record<string, unknown>): string[] {
  const asked = typeof params.acr_values === 'string' ? params.acr_values.split(' ') : [];
  return [...new Set(asked.filter((acr) => acr in SATISFIES))];
}

/** Whether a session signed in with `acr` gives what the request asks for. */
export function acrSatisfies(acr: unknown, requested: readonly string[]): boolean {
  if (requested.length === 0) return true;
  const proves = typeof acr === 'string' ? (SATISFIES[acr] ?? []) : [];
  return requested.some((asked) => proves.includes(asked));
}

/** The acrs asked for that this provider can give: with passkeys off, a passkey acr is a wish it cannot grant. */
export function offeredAcrsAsked(params: Record<string, unknown>, passkeys: boolean): string[] {
  return requestedAcrs(params).filter((acr) => passkeys || (acr !== passkeyAcr && acr !== facePasskeyAcr));
}

export function signInMethods(
  params: Record<string, unknown>,
  { passkeys, livenessByDefault }: { passkeys: boolean; livenessByDefault: boolean },
): SignInMethods {
  const requested = offeredAcrsAsked(params, passkeys);
  const any = requested.length === 0;
  const face = any || requested.includes(faceAcr) || requested.includes(faceLivenessAcr);
  const facePlusPasskey = passkeys && !face && requested.includes(facePasskeyAcr);
  return {
    face,
    passkey: passkeys && (any || requested.includes(passkeyAcr)),
    facePlusPasskey,
    liveness: livenessByDefault || requested.includes(faceLivenessAcr) || facePlusPasskey,
  };
}
