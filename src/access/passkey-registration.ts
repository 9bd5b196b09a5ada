/**
 * Adding a passkey from the enrolment page, without HTTP: the registration grant the page got with
 * its enrolment names the account (never the request), the client's limits apply as for any try,
 * and the grant is spent once the authenticator's answer is verified, atomically, just before the
 * passkey is stored: a grant adds one passkey, to its own account. Every outcome is audited.
 */
import type { PasskeyStore } from '../../adapters/contract.js';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { PasskeyCeremonies } from '../passkeys/ceremonies.js';
import { PasskeyRefusal } from '../passkeys/passkey-errors.js';
import type { RegistrationGrants } from '../passkeys/registration-grants.js';
import { FacegateError } from '../errors.js';
import type { AttemptLimits } from './attempt-limits.js';
import type { AuditTrail } from './audit-trail.js';
import { tooManyAttempts } from './refusal.js';

export class PasskeyRegistrations {
  constructor(
    private readonly grants: RegistrationGrants,
    private readonly ceremonies: PasskeyCeremonies,
    private readonly limits: AttemptLimits,
    private readonly audit: AuditTrail,
    private readonly passkeys: PasskeyStore,
  ) {}

  /** The options the browser creates the passkey with, for the grant's account. */
  async options(grantToken: unknown, ip: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    await this.gate(ip);
    const grant = await this.refusing(ip, null, () => this.grants.find(grantToken));
    return this.ceremonies.registrationOptions(`register:${grant.hash}`, grant.accountId);
  }

  /** The browser's answer: the passkey is stored to the grant's account, and the grant spent. */
  async register(grantToken: unknown, response: RegistrationResponseJSON, ip: string): Promise<{ accountId: string }> {
    await this.gate(ip);
    const grant = await this.refusing(ip, null, () => this.grants.find(grantToken));
    const passkey = await this.refusing(ip, grant.accountId, () =>
      this.ceremonies.verifyRegistration(`register:${grant.hash}`, grant.accountId, response),
    );
    await this.refusing(ip, grant.accountId, () => this.grants.spend(grantToken));
    if (!(await this.passkeys.add(passkey))) {
      throw await this.refused(ip, grant.accountId, new PasskeyRefusal('already_registered'));
    }
    await this.audit.record({
      type: 'passkey',
      result: 'registered',
      accountId: grant.accountId,
      ip,
      detail: { credential: passkey.credentialId.slice(0, 16), transports: passkey.transports.join(' ') },
    });
    return { accountId: grant.accountId };
  }

  private async gate(ip: string): Promise<void> {
    const gate = await this.limits.gate(ip);
    if (gate.kind === 'closed') throw tooManyAttempts(gate.retryAfterSeconds);
  }

  /** Runs `step`; a refusal it throws counts against the client and is audited. */
  private async refusing<T>(ip: string, accountId: string | null, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof FacegateError && error.status < 500) throw await this.refused(ip, accountId, error);
      throw error;
    }
  }

  private async refused(ip: string, accountId: string | null, error: FacegateError): Promise<FacegateError> {
    await this.limits.refused(ip);
    await this.audit.record({
      type: 'passkey',
      result: error instanceof PasskeyRefusal ? error.failure : error.code,
      accountId,
      ip,
      detail: { step: 'registration' },
    });
    return error;
  }
}
