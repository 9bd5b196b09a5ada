/**
 * Consent to keeping a face (issue 15): which version of the policy the configuration asks for,
 * whether what a request says was ticked is that version, what is recorded when it is, and whether
 * an account must be asked again (its newest consent is of another version, or it has none).
 * Without HTTP: the enrolment routes and the sign-in's consent-again step call it.
 */
import type { ConsentMethod, ConsentRecord, ConsentStore } from '../../adapters/contract.js';
import type { ConsentConfig } from '../config/types.js';
import { FacegateError } from '../errors.js';
import { say } from '../sentences.js';

export class ConsentPolicy {
  constructor(
    readonly config: ConsentConfig,
    private readonly consents: ConsentStore,
    private readonly now: () => number = Date.now,
  ) {}

  get required(): boolean {
    return this.config.required;
  }

  get version(): string {
    return this.config.version;
  }

  /**
   * Refuses (400) a request that does not carry consent to the current version: nothing ticked,
   * or a version the page showed before the policy changed. Does nothing when consent is not required.
   */
  check(given: string | undefined): void {
    if (!this.required || given === this.version) return;
    if (given === undefined || given === '') {
      throw new FacegateError('consent_required', say('consent.required'), { status: 400 });
    }
    throw new FacegateError('consent_outdated', say('consent.outdated'), { status: 400 });
  }

  /** Records that the account consented to the current version now; nothing when consent is not required. */
  async record(
    accountId: string,
    method: ConsentMethod,
    extra: Pick<ConsentRecord, 'invitationHash' | 'recordedBy'> = {},
  ): Promise<ConsentRecord | undefined> {
    if (!this.required) return undefined;
    const consent: ConsentRecord = { accountId, version: this.version, at: this.now(), method, ...extra };
    await this.consents.record(consent);
    return consent;
  }

  /** Whether a sign-in of the account must ask for consent before it goes on. */
  async mustAskAgain(accountId: string): Promise<boolean> {
    if (!this.required) return false;
    return (await this.consents.latest(accountId))?.version !== this.version;
  }
}
