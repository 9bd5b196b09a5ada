import { FacegateError } from '../errors.js';
import { say } from '../sentences.js';

/** Why a passkey was refused, for the audit trail; the page is told less (PasskeyRefusal's code). */
export type PasskeyFailure =
  | 'challenge_missing'
  | 'unknown_credential'
  | 'other_account'
  | 'verification_failed'
  | 'counter_not_increased'
  | 'already_registered';

const PAGE_CODE: Record<
  PasskeyFailure,
  'passkey_start_again' | 'passkey_refused' | 'passkey_other_account' | 'passkey_exists'
> = {
  challenge_missing: 'passkey_start_again',
  unknown_credential: 'passkey_refused',
  verification_failed: 'passkey_refused',
  counter_not_increased: 'passkey_refused',
  other_account: 'passkey_other_account',
  already_registered: 'passkey_exists',
};

/**
 * A passkey ceremony refused (422). The page learns whether to start again, to use another passkey,
 * or that the passkey is of another account than the face; not which check failed, which would tell
 * someone with a copied key what to change. `failure` says it for the audit.
 */
export class PasskeyRefusal extends FacegateError {
  constructor(readonly failure: PasskeyFailure) {
    const code = PAGE_CODE[failure];
    super(
      code,
      say(`passkey.${code.slice('passkey_'.length) as 'start_again' | 'refused' | 'other_account' | 'exists'}`),
      {
        status: 422,
      },
    );
  }
}
