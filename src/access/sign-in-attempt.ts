/**
 * One sign-in attempt, without HTTP: limits first (`admit`, before the frames are even read), then
 * the liveness challenge when one is due, then the face engine and the gallery, then the audit
 * trail. An attempt that ends the sign-in is an outcome (accepted, or exhausted); any other is
 * refused with a FacegateError that says why and what the page may do next.
 */
import { faceAcr, faceLivenessAcr } from '../oidc/acr.js';
import { FacegateError } from '../errors.js';
import { FaceError } from '../face/errors.js';
import type { Recognition } from '../face/recognizer.js';
import { livenessSettings } from '../face/liveness/settings.js';
import { notLiveSentence, say } from '../sentences.js';
import type { AttemptLimits, FailedRecognition, Limits } from './attempt-limits.js';
import type { AuditTrail } from './audit-trail.js';
import { ChallengeError, type Challenge, type Challenges } from './challenges.js';
import { refusal } from './refusal.js';
import { passSignInGate } from './sign-in-gate.js';
import type { FaceService } from './face-service.js';
import { carryOver } from './carry-over.js';
import type { AccountStore, TemplateStore } from '../../adapters/contract.js';
import { round } from '../face/round.js';

export interface AdmitContext {
  /** The oidc-provider interaction uid. */
  interaction: string;
  clientId: string;
  ip: string;
  /** An account to verify against (login_hint, or typed by the user): 1:1 instead of 1:N. */
  claimedAccount?: string;
  /** The sign-in must pass the liveness challenge (configuration, or the client's acr_values). */
  livenessRequired: boolean;
}

export interface AttemptContext extends AdmitContext {
  /** The challenge token the burst answers, when it comes with one. */
  challenge?: string;
}

/** The sign-in has no attempt left: it ends with access_denied. */
export type Exhausted = { kind: 'exhausted' };

/** What asking for a challenge gives: one (with the attempts left once it is paid for), or the end of the sign-in. */
export type ChallengeOutcome =
  | { kind: 'challenge'; token: string; challenge: Challenge; attemptsLeft: number }
  | Exhausted;

/** An attempt that ends the sign-in. */
export type AttemptOutcome = { kind: 'accepted'; accountId: string; acr: string } | Exhausted;

/** Too many people enrolled to say who this is without an account name: the page asks for one (409). */
function accountRequired(): FacegateError {
  return new FacegateError('account_required', say('account_required'), {
    status: 409,
    fields: { status: 'need_account' },
  });
}

export class SignInAttempts {
  constructor(
    private readonly face: FaceService,
    private readonly limits: AttemptLimits,
    private readonly audit: AuditTrail,
    private readonly challenges: Challenges,
    private readonly alarm: Limits['accountAlarm'],
    /** Where a sign-in under an older embedder carries the account over (carry-over.ts). */
    private readonly templates: TemplateStore,
    /** Where an accepted sign-in is remembered (lastSignInAt, which retention goes by). */
    private readonly accounts: Pick<AccountStore, 'signedIn'>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Before the frames are read: throws too_many_attempts when this client or the account it claims
   * may not try now (so a refused client's upload is not even buffered); exhausted when this
   * sign-in has no attempt left; else undefined.
   */
  async admit(ctx: AdmitContext): Promise<Exhausted | undefined> {
    await this.gate(ctx);
    // With the challenge, issuing it spent the attempt: a burst answering the last one is still judged.
    if (!ctx.livenessRequired && (await this.limits.attemptsLeft(ctx.interaction)) === 0) return { kind: 'exhausted' };
    return undefined;
  }

  /**
   * A liveness challenge for this sign-in. Issuing one spends one of its attempts, whatever comes
   * of it (its burst refused or accepted, or the challenge left to expire, or voided by the next
   * one), so asking again and again for moves one likes ends the sign-in after perInteraction
   * challenges, as that many failures would; the burst answering it costs nothing more.
   */
  async challenge(ctx: AdmitContext): Promise<ChallengeOutcome> {
    await this.gate(ctx);
    if ((await this.limits.attemptsLeft(ctx.interaction)) === 0) return { kind: 'exhausted' };
    const attemptsLeft = await this.limits.spendAttempt(ctx.interaction);
    return { kind: 'challenge', ...(await this.challenges.issue(`signin:${ctx.interaction}`)), attemptsLeft };
  }

  /** The rate-limit gate: when closed, throws the refusal (folded in the audit per window). */
  private async gate(ctx: AdmitContext): Promise<void> {
    await passSignInGate(
      this.limits,
      this.audit,
      { ip: ctx.ip, clientId: ctx.clientId, account: ctx.claimedAccount },
      { interaction: ctx.interaction, mode: ctx.claimedAccount ? '1:1' : '1:N', liveness: ctx.livenessRequired },
    );
  }

  /** The frames of an attempt that `admit` let through. */
  async attempt(frames: readonly Uint8Array[], ctx: AttemptContext): Promise<AttemptOutcome> {
    const base = { type: 'signin', clientId: ctx.clientId, ip: ctx.ip };
    const detail = {
      interaction: ctx.interaction,
      mode: ctx.claimedAccount ? '1:1' : '1:N',
      frames: frames.length,
      liveness: ctx.livenessRequired,
    };
    /** Counts and audits a refusal that spends none of the sign-in's attempts; the error to throw. */
    const refuse = async (
      reason: FacegateError,
      more: Record<string, string | number | null> = {},
    ): Promise<FacegateError> => {
      await this.limits.refused(ctx.ip);
      await this.audit.record({ ...base, result: reason.code, detail: { ...detail, ...more } });
      return refusal(reason, { attemptsLeft: await this.limits.attemptsLeft(ctx.interaction) });
    };

    const recognize = (challenge?: Challenge) =>
      this.face.recognizer.recognize(frames, {
        claimedAccount: ctx.claimedAccount,
        liveness: challenge && { steps: challenge.steps, settings: livenessSettings(this.face.engine.spec.embedder) },
      });
    if (ctx.livenessRequired && !ctx.challenge) throw await refuse(refusal('liveness_required'));
    let recognition: Recognition;
    try {
      recognition = ctx.livenessRequired
        ? await this.challenges.answer(ctx.challenge ?? '', `signin:${ctx.interaction}`, recognize)
        : await recognize();
    } catch (error) {
      // Busy: the burst was not looked at, its challenge stays unspent and it may come again.
      if (error instanceof FaceError && error.code === 'busy') {
        this.audit.busy({ ...base, detail });
        throw error;
      }
      if (error instanceof FaceError) throw await refuse(error, error.detail);
      if (error instanceof ChallengeError) throw await refuse(error);
      throw error;
    }

    if (recognition.kind === 'identification_refused') {
      // The face was analysed for nothing: it counts against the client like any refusal.
      await this.limits.refused(ctx.ip);
      await this.audit.record({
        ...base,
        result: 'identification_refused',
        detail: { ...detail, reason: recognition.reason, model: recognition.model },
      });
      throw accountRequired();
    }
    if (recognition.kind === 'not_live') {
      // A failed live check counts like a failed recognition: it is what a photo held up produces.
      const { attemptsLeft } = await this.failed(ctx);
      await this.audit.record({
        ...base,
        result: 'not_live',
        accountId: ctx.claimedAccount ?? null,
        detail: { ...detail, ...recognition.verdict.detail, reason: recognition.verdict.reason, attemptsLeft },
      });
      if (attemptsLeft === 0) return { kind: 'exhausted' };
      throw refusal('not_live', { attemptsLeft }, notLiveSentence(recognition.verdict.reason));
    }
    if (recognition.kind === 'presentation_attack') {
      // Counted like a failed live check: a print or a screen held up is what it stops.
      const { score, threshold } = recognition.verdict;
      const { attemptsLeft } = await this.failed(ctx);
      await this.audit.record({
        ...base,
        result: 'presentation_attack',
        accountId: ctx.claimedAccount ?? null,
        detail: { ...detail, liveScore: figure(score), threshold, attemptsLeft },
      });
      if (attemptsLeft === 0) return { kind: 'exhausted' };
      throw refusal('presentation_attack', { attemptsLeft });
    }

    const { decision, threshold } = recognition;
    const measured = {
      ...detail,
      model: decision.model,
      distance: figure(decision.distance),
      margin: figure(decision.margin),
      threshold: figure(threshold),
    };
    if (decision.kind === 'accepted') {
      await this.limits.succeeded(ctx.ip, decision.accountId);
      await this.audit.record({ ...base, result: 'accepted', accountId: decision.accountId, detail: measured });
      await this.accounts.signedIn(decision.accountId, this.now());
      await carryOver(
        recognition,
        {
          model: this.face.model,
          live: ctx.livenessRequired,
          clientId: ctx.clientId,
          ip: ctx.ip,
          interaction: ctx.interaction,
        },
        this.templates,
        this.audit,
      );
      return { kind: 'accepted', accountId: decision.accountId, acr: ctx.livenessRequired ? faceLivenessAcr : faceAcr };
    }
    const { attemptsLeft } = await this.failed(ctx);
    await this.audit.record({
      ...base,
      result: decision.reason,
      accountId: ctx.claimedAccount ?? null,
      detail: { ...measured, nearest: decision.nearest, attemptsLeft },
    });
    if (attemptsLeft === 0) return { kind: 'exhausted' };
    throw refusal('not_recognised', { attemptsLeft });
  }

  /**
   * Counts a failed recognition; when the claimed account has just had more failures than the
   * alarm allows, from any networks, tells the operator (an audit record and a metric): nothing
   * is locked, so nobody can lock someone else out. With the liveness challenge, issuing it paid the attempt.
   */
  private async failed(ctx: AttemptContext): Promise<FailedRecognition> {
    const failed = await this.limits.failedRecognition(ctx.ip, ctx.interaction, ctx.claimedAccount, {
      attemptPaid: ctx.livenessRequired,
    });
    if (failed.alarm !== undefined && ctx.claimedAccount) {
      const { windowSeconds } = this.alarm;
      await this.audit.fold(`alarm:${ctx.claimedAccount}`, windowSeconds, {
        type: 'alarm',
        result: 'account_under_attack',
        accountId: ctx.claimedAccount,
        clientId: ctx.clientId,
        ip: ctx.ip,
        detail: { failures: failed.alarm, windowSeconds },
      });
    }
    return failed;
  }
}

/** A distance or score for the audit, to four decimals (a 1:N refusal with no account has none). */
function figure(x: number | null): number | null {
  return x === null ? null : round(x, 4);
}
