/**
 * One sign-in attempt, without HTTP: limits first (`admit`, before the frames are even read), then
 * the liveness challenge when one is due, then the face engine and the gallery, then the audit
 * trail. What the page should do next is the outcome's kind.
 */
import { faceAcr, faceLivenessAcr } from '../oidc/acr.js';
import { FaceError, type FaceErrorCode } from '../face/errors.js';
import type { Recognition } from '../face/recognizer.js';
import { livenessSettings } from '../face/liveness/settings.js';
import type { LivenessFailure } from '../face/liveness/burst-check.js';
import type { AttemptLimits, FailedRecognition, Limits } from './attempt-limits.js';
import type { AuditTrail } from './audit-trail.js';
import { ChallengeError, type Challenge, type ChallengeProblem, type Challenges } from './challenges.js';
import type { FaceService } from './face-service.js';
import { carryOver } from './carry-over.js';
import type { TemplateStore } from '../../adapters/contract.js';

export const NOT_RECOGNISED = 'We could not recognise you. Face the camera in good light and try again; if it keeps failing, you may not be enrolled yet: ask for an enrolment link.';
export const NOT_LIVE = 'We could not confirm a live person. Follow the prompts on the screen: turn your head as asked, slowly, then back to the camera.';

/**
 * What to tell the person when a burst is not live, by why (the audit keeps the exact reason; the
 * page gets only what helps a real person do better, not which check an attacker tripped).
 */
export function notLiveMessage(reason: LivenessFailure): string {
  switch (reason) {
    case 'too_close':
      return 'We could not confirm a live person: you are too close to the camera. Move back a little, so that your whole head fits the oval with some of the room around it, and try again.';
    case 'scene_changed':
    case 'not_same_person':
    case 'repeated_frames':
      return 'We could not confirm a live person. Keep your face in the oval and turn slowly, alone in front of the camera, holding the camera still; then try again.';
    case 'wrong_frame_count':
      return 'The page sent a different number of pictures than the check asked for. Reload the page and try again.';
    default:
      return NOT_LIVE;
  }
}
export const NEED_ACCOUNT = 'Too many people are enrolled here to recognise you by your face alone: type your account name, then verify again.';
export const PRESENTATION_ATTACK = 'This looks like a photo or a screen rather than a live face. Face the camera yourself, in even light, with no screen, print or strong reflection in view, and try again.';
export const LIVENESS_REQUIRED = 'This sign-in needs the live check: press “Verify my identity” and follow the prompts.';

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

export type RefusalCode = FaceErrorCode | 'not_recognised' | 'not_live' | 'presentation_attack' | 'liveness_required' | ChallengeProblem;

/** What asking for a challenge gives: one (with the attempts left once it is paid for), or why not. */
export type ChallengeOutcome =
  | { kind: 'challenge'; token: string; challenge: Challenge; attemptsLeft: number }
  | Extract<AttemptOutcome, { kind: 'exhausted' | 'rate_limited' }>;

export type AttemptOutcome =
  | { kind: 'accepted'; accountId: string; acr: string }
  | { kind: 'refused'; code: RefusalCode; message: string; attemptsLeft: number }
  | { kind: 'exhausted' }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'need_account'; message: string }
  | { kind: 'busy'; message: string };

export class SignInAttempts {
  constructor(
    private readonly face: FaceService,
    private readonly limits: AttemptLimits,
    private readonly audit: AuditTrail,
    private readonly challenges: Challenges,
    private readonly alarm: Limits['accountAlarm'],
    /** Where a sign-in under an older embedder carries the account over (carry-over.ts). */
    private readonly templates: TemplateStore,
  ) {}

  /**
   * Before the frames are read: an outcome when this client, the account it claims or this
   * sign-in may not try now (so a refused client's upload is not even buffered), else undefined.
   */
  async admit(ctx: AdmitContext): Promise<AttemptOutcome | undefined> {
    const closed = await this.gated(ctx);
    if (closed) return closed;
    // With the challenge, issuing it spent the attempt: a burst answering the last one is still judged.
    if (!ctx.livenessRequired && await this.limits.attemptsLeft(ctx.interaction) === 0) return { kind: 'exhausted' };
    return undefined;
  }

  /**
   * A liveness challenge for this sign-in. Issuing one spends one of its attempts, whatever comes
   * of it (its burst refused or accepted, or the challenge left to expire, or voided by the next
   * one), so asking again and again for moves one likes ends the sign-in after perInteraction
   * challenges, as that many failures would; the burst answering it costs nothing more.
   */
  async challenge(ctx: AdmitContext): Promise<ChallengeOutcome> {
    const closed = await this.gated(ctx);
    if (closed) return closed;
    if (await this.limits.attemptsLeft(ctx.interaction) === 0) return { kind: 'exhausted' };
    const attemptsLeft = await this.limits.spendAttempt(ctx.interaction);
    return { kind: 'challenge', ...await this.challenges.issue(`signin:${ctx.interaction}`), attemptsLeft };
  }

  /** The rate-limit gate: when closed, the refusal (folded in the audit per window) as an outcome. */
  private async gated(ctx: AdmitContext): Promise<Extract<AttemptOutcome, { kind: 'rate_limited' }> | undefined> {
    const gate = await this.limits.gate(ctx.ip, ctx.claimedAccount);
    if (gate.open) return undefined;
    const detail = { interaction: ctx.interaction, mode: ctx.claimedAccount ? '1:1' : '1:N', liveness: ctx.livenessRequired, scope: gate.scope };
    await this.audit.fold(gate.key, gate.windowSeconds, { type: 'signin', clientId: ctx.clientId, ip: ctx.ip, result: 'rate_limited', accountId: ctx.claimedAccount ?? null, detail });
    return { kind: 'rate_limited', retryAfterSeconds: gate.retryAfterSeconds };
  }

  /** The frames of an attempt that `admit` let through. */
  async attempt(frames: readonly Uint8Array[], ctx: AttemptContext): Promise<AttemptOutcome> {
    const base = { type: 'signin', clientId: ctx.clientId, ip: ctx.ip };
    const detail = { interaction: ctx.interaction, mode: ctx.claimedAccount ? '1:1' : '1:N', frames: frames.length, liveness: ctx.livenessRequired };
    const refuse = async (code: RefusalCode, message: string, more: Record<string, string | number | null> = {}): Promise<AttemptOutcome> => {
      await this.limits.refused(ctx.ip);
      await this.audit.record({ ...base, result: code, detail: { ...detail, ...more } });
      return { kind: 'refused', code, message, attemptsLeft: await this.limits.attemptsLeft(ctx.interaction) };
    };

    let challenge: Challenge | undefined;
    if (ctx.livenessRequired) {
      if (!ctx.challenge) return refuse('liveness_required', LIVENESS_REQUIRED);
      try {
        challenge = await this.challenges.check(ctx.challenge, `signin:${ctx.interaction}`);
      } catch (error) {
        if (error instanceof ChallengeError) return refuse(error.code, error.message);
        throw error;
      }
    }
    const liveness = challenge && { steps: challenge.steps, settings: livenessSettings(this.face.engine.spec.embedder) };

    let recognition: Recognition;
    try {
      recognition = await this.face.recognizer.recognize(frames, { claimedAccount: ctx.claimedAccount, liveness });
    } catch (error) {
      if (!(error instanceof FaceError)) throw error;
      // Busy: the burst was not looked at, its challenge stays unspent and it may come again.
      if (error.code === 'busy') {
        this.audit.busy({ ...base, detail });
        return { kind: 'busy', message: error.message };
      }
      if (challenge) await this.challenges.spendJudged(challenge, true);
      return refuse(error.code, error.message, error.detail);
    }
    const replay = challenge && await this.challenges.spendJudged(challenge, false);
    if (replay) return refuse(replay.code, replay.message);

    if (recognition.mode === 'identification_refused') {
      // The face was analysed for nothing: it counts against the client like any refusal.
      await this.limits.refused(ctx.ip);
      await this.audit.record({ ...base, result: 'identification_refused', detail: { ...detail, reason: recognition.reason, model: recognition.model } });
      return { kind: 'need_account', message: NEED_ACCOUNT };
    }
    if (recognition.mode === 'not_live') {
      // A failed live check counts like a failed recognition: it is what a photo held up produces.
      const { attemptsLeft } = await this.failed(ctx, Boolean(challenge));
      await this.audit.record({ ...base, result: 'not_live', accountId: ctx.claimedAccount ?? null, detail: { ...detail, ...recognition.verdict.detail, reason: recognition.verdict.reason, attemptsLeft } });
      return attemptsLeft === 0 ? { kind: 'exhausted' } : { kind: 'refused', code: 'not_live', message: notLiveMessage(recognition.verdict.reason), attemptsLeft };
    }
    if (recognition.mode === 'presentation_attack') {
      // Counted like a failed live check: a print or a screen held up is what it stops.
      const { score, threshold } = recognition.verdict;
      const { attemptsLeft } = await this.failed(ctx, Boolean(challenge));
      await this.audit.record({ ...base, result: 'presentation_attack', accountId: ctx.claimedAccount ?? null, detail: { ...detail, liveScore: round(score), threshold, attemptsLeft } });
      return attemptsLeft === 0 ? { kind: 'exhausted' } : { kind: 'refused', code: 'presentation_attack', message: PRESENTATION_ATTACK, attemptsLeft };
    }

    const { decision, threshold } = recognition;
    const measured = { ...detail, model: decision.model, distance: round(decision.distance), margin: round(decision.margin), threshold: round(threshold) };
    if (decision.accepted) {
      await this.limits.succeeded(ctx.ip, decision.accountId);
      await this.audit.record({ ...base, result: 'accepted', accountId: decision.accountId, detail: measured });
      await carryOver(recognition, { model: this.face.model, live: Boolean(liveness), clientId: ctx.clientId, ip: ctx.ip, interaction: ctx.interaction }, this.templates, this.audit);
      return { kind: 'accepted', accountId: decision.accountId, acr: liveness ? faceLivenessAcr : faceAcr };
    }
    const { attemptsLeft } = await this.failed(ctx, Boolean(challenge));
    await this.audit.record({
      ...base, result: decision.reason, accountId: ctx.claimedAccount ?? null,
      detail: { ...measured, nearest: decision.nearest, attemptsLeft },
    });
    return attemptsLeft === 0
      ? { kind: 'exhausted' }
      : { kind: 'refused', code: 'not_recognised', message: NOT_RECOGNISED, attemptsLeft };
  }

  /**
   * Counts a failed recognition; when the claimed account has just had more failures than the
   * alarm allows, from any networks, tells the operator (an audit record and a metric): nothing
   * is locked, so nobody can lock someone else out.
   */
  private async failed(ctx: AttemptContext, attemptPaid: boolean): Promise<FailedRecognition> {
    const failed = await this.limits.failedRecognition(ctx.ip, ctx.interaction, ctx.claimedAccount, { attemptPaid });
    if (failed.alarm !== undefined && ctx.claimedAccount) {
      const { windowSeconds } = this.alarm;
      await this.audit.fold(`alarm:${ctx.claimedAccount}`, windowSeconds, {
        type: 'alarm', result: 'account_under_attack', accountId: ctx.claimedAccount, clientId: ctx.clientId, ip: ctx.ip,
        detail: { failures: failed.alarm, windowSeconds },
      });
    }
    return failed;
  }
}

function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e4) / 1e4;
}
