/**
 * The two WebAuthn ceremonies, with @simplewebauthn/server: registering a passkey to an account,
 * and proving one (signing a challenge). Each challenge is kept server-side under the subject it
 * was made for (a registration grant, a sign-in's interaction) and spent by the answer that
 * follows, accepted or not: an answer is judged against the newest challenge of its subject only,
 * once. Proving one also moves the passkey's counter atomically (PasskeyStore.use), so a replayed
 * or cloned authenticator's assertion is refused even when two arrive at once.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { PasskeyRecord, Store } from '../../adapters/contract.js';
import type { PasskeyConfig } from '../config/types.js';
import { OneTimeRecords } from './one-time-records.js';
import { PasskeyRefusal } from './passkey-errors.js';

/** How long a page has to answer a challenge (the browser's own prompt waits as long). */
export const PASSKEY_CHALLENGE_SECONDS = 300;

export interface PasskeySettings extends Pick<PasskeyConfig, 'rpId' | 'userVerification'> {
  /** The issuer's origin: the pages' origin, which every answer must come from. */
  origin: string;
  /** What the authenticator shows beside the account. */
  rpName: string;
}

export class PasskeyCeremonies {
  private readonly challenges: OneTimeRecords<{ challenge: string }>;

  constructor(
    private readonly store: Store,
    private readonly settings: PasskeySettings,
    private readonly now: () => number = Date.now,
  ) {
    this.challenges = new OneTimeRecords(store, 'PasskeyChallenge');
  }

  /** Options to register a passkey to `accountId`; `subject` names who may answer them. */
  async registrationOptions(subject: string, accountId: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await this.store.passkeys.listForAccount(accountId);
    const options = await generateRegistrationOptions({
      rpName: this.settings.rpName,
      rpID: this.settings.rpId,
      userName: accountId,
      userID: new TextEncoder().encode(accountId),
      attestationType: 'none',
      excludeCredentials: existing.map(descriptor),
      authenticatorSelection: { residentKey: 'required', userVerification: this.settings.userVerification },
      timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
    });
    await this.challenges.put(subject, { challenge: options.challenge }, PASSKEY_CHALLENGE_SECONDS);
    return options;
  }

  /**
   * Judges the browser's answer to the subject's registration options: the passkey to store
   * (the caller stores it, once it has spent what allowed the registration).
   */
  async verifyRegistration(
    subject: string,
    accountId: string,
    response: RegistrationResponseJSON,
  ): Promise<PasskeyRecord> {
    const expected = await this.challenges.take(subject);
    if (!expected) throw new PasskeyRefusal('challenge_missing');
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: expected.challenge,
      expectedOrigin: this.settings.origin,
      expectedRPID: this.settings.rpId,
      requireUserVerification: this.settings.userVerification === 'required',
    }).catch(() => undefined);
    if (!verification?.verified) throw new PasskeyRefusal('verification_failed');
    const { credential } = verification.registrationInfo;
    return {
      credentialId: credential.id,
      accountId,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? response.response?.transports ?? [],
      createdAt: this.now(),
    };
  }

  /**
   * Options to prove a passkey for `subject`: any passkey the authenticator holds for this site
   * (it offers its discoverable ones), or, with `accountId`, one of that account's.
   */
  async authenticationOptions(subject: string, accountId?: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const allowed = accountId ? await this.store.passkeys.listForAccount(accountId) : [];
    const options = await generateAuthenticationOptions({
      rpID: this.settings.rpId,
      allowCredentials: allowed.map(descriptor),
      userVerification: this.settings.userVerification,
      timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
    });
    await this.challenges.put(subject, { challenge: options.challenge }, PASSKEY_CHALLENGE_SECONDS);
    return options;
  }

  /**
   * Judges the browser's answer to the subject's authentication options: the account whose
   * passkey signed the challenge, which must be `accountId` when given.
   */
  async authenticate(subject: string, response: AuthenticationResponseJSON, accountId?: string): Promise<string> {
    const expected = await this.challenges.take(subject);
    if (!expected) throw new PasskeyRefusal('challenge_missing');
    const passkey = typeof response?.id === 'string' ? await this.store.passkeys.get(response.id) : undefined;
    if (!passkey) throw new PasskeyRefusal('unknown_credential');
    if (accountId !== undefined && passkey.accountId !== accountId) throw new PasskeyRefusal('other_account');
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: expected.challenge,
      expectedOrigin: this.settings.origin,
      expectedRPID: this.settings.rpId,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports as AuthenticatorTransport[],
      },
      requireUserVerification: this.settings.userVerification === 'required',
    }).catch((error: unknown) =>
      error instanceof Error && /counter/i.test(error.message) ? ('counter' as const) : undefined,
    );
    if (verification === 'counter') throw new PasskeyRefusal('counter_not_increased');
    if (!verification?.verified) throw new PasskeyRefusal('verification_failed');
    if (
      !(await this.store.passkeys.use(passkey.credentialId, verification.authenticationInfo.newCounter, this.now()))
    ) {
      throw new PasskeyRefusal('counter_not_increased');
    }
    return passkey.accountId;
  }
}

function descriptor(passkey: PasskeyRecord) {
  return { id: passkey.credentialId, transports: passkey.transports as AuthenticatorTransport[] };
}
