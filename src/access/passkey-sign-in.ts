/**
 * A passkey in a sign-in, without HTTP, in the shape of a face attempt (SignInAttempts): the
 * client's limits first, then the WebAuthn ceremony (ceremonies.ts), then the audit trail. A
 * refused passkey costs one of the sign-in's attempts as a face not recognised does, and counts
 * against the client and, in face plus passkey, against the account the face named. Alone, the
 * passkey says who signs in; as the second step, it must be of the account the face step
 * recognised in this same interaction, which that step left here (faceRecognised).
 */
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Store } from '../../adapters/contract.js';
import type { PasskeyCeremonies } from '../passkeys/ceremonies.js';
import { OneTimeRecords } from '../passkeys/one-time-records.js';
import { PasskeyRefusal } from '../passkeys/passkey-errors.js';
import type { AttemptLimits } from './attempt-limits.js';
import type { AuditTrail } from './audit-trail.js';
import { refusal } from './refusal.js';
import { passSignInGate } from './sign-in-gate.js';
import type { Exhausted } from './sign-in-attempt.js';

export interface PasskeyAttemptContext {
  interaction: string;
  clientId: string;
  ip: string;
  /** Face plus passkey: the account the face step recognised; the passkey must be of it. */
  faceAccount?: string;
}

export type PasskeyOptionsOutcome = { kind: 'options'; options: PublicKeyCredentialRequestOptionsJSON } | Exhausted;
export type PasskeyOutcome = { kind: 'accepted'; accountId: string } | Exhausted;

export class PasskeySignIns {
  private readonly faceSteps: OneTimeRecords<{ accountId: string }>;

  constructor(
    store: Store,
    private readonly ceremonies: PasskeyCeremonies,
    private readonly limits: AttemptLimits,
    private readonly audit: AuditTrail,
    /** How long a face step waits for its passkey: the interaction's lifetime. */
    private readonly interactionSeconds: number,
  ) {
    this.faceSteps = new OneTimeRecords(store, 'PasskeyFaceStep');
  }

  /** Face plus passkey: the face step recognised `accountId`; the passkey step of this interaction may follow. */
  faceRecognised(interaction: string, accountId: string): Promise<void> {
    return this.faceSteps.put(interaction, { accountId }, this.interactionSeconds);
  }

  /** The account the face step of this interaction recognised, when it has. */
  async recognisedFace(interaction: string): Promise<string | undefined> {
    return (await this.faceSteps.peek(interaction))?.accountId;
  }

  /** The options the browser asks the authenticator with: any passkey of this site, or the face's account's. */
  async options(ctx: PasskeyAttemptContext): Promise<PasskeyOptionsOutcome> {
    await this.gate(ctx);
    if ((await this.limits.attemptsLeft(ctx.interaction)) === 0) return { kind: 'exhausted' };
    return {
      kind: 'options',
      options: await this.ceremonies.authenticationOptions(`signin:${ctx.interaction}`, ctx.faceAccount),
    };
  }

  /** The authenticator's answer: the account it signs in, or a refusal (thrown), or the end of the sign-in. */
  async attempt(ctx: PasskeyAttemptContext, response: AuthenticationResponseJSON): Promise<PasskeyOutcome> {
    await this.gate(ctx);
    if ((await this.limits.attemptsLeft(ctx.interaction)) === 0) return { kind: 'exhausted' };
    const base = { type: 'signin', clientId: ctx.clientId, ip: ctx.ip };
    const detail = { interaction: ctx.interaction, method: ctx.faceAccount ? 'face+passkey' : 'passkey' };
    let accountId: string;
    try {
      accountId = await this.ceremonies.authenticate(`signin:${ctx.interaction}`, response, ctx.faceAccount);
      // The face step is spent with it: one face, one passkey, one sign-in.
      if (ctx.faceAccount && !(await this.faceSteps.take(ctx.interaction))) {
        throw new PasskeyRefusal('challenge_missing');
      }
    } catch (error) {
      if (!(error instanceof PasskeyRefusal)) throw error;
      if (error.failure === 'challenge_missing') {
        // Nothing was judged: the page starts again; it costs the client, not the sign-in.
        await this.limits.refused(ctx.ip);
        await this.audit.record({
          ...base,
          result: 'passkey_challenge_missing',
          accountId: ctx.faceAccount ?? null,
          detail,
        });
        throw error;
      }
      const { attemptsLeft } = await this.limits.failedRecognition(ctx.ip, ctx.interaction, ctx.faceAccount);
      await this.audit.record({
        ...base,
        result: `passkey_${error.failure}`,
        accountId: ctx.faceAccount ?? null,
        detail: { ...detail, attemptsLeft },
      });
      if (attemptsLeft === 0) return { kind: 'exhausted' };
      throw refusal(error, { attemptsLeft });
    }
    await this.limits.succeeded(ctx.ip, accountId);
    await this.audit.record({ ...base, result: 'accepted', accountId, detail });
    return { kind: 'accepted', accountId };
  }

  /** The rate-limit gate, as for faces. */
  private gate(ctx: PasskeyAttemptContext): Promise<void> {
    return passSignInGate(
      this.limits,
      this.audit,
      { ip: ctx.ip, clientId: ctx.clientId, account: ctx.faceAccount },
      { interaction: ctx.interaction, method: 'passkey' },
    );
  }
}
