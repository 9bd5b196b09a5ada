/**
 * One try of an enrolment link, without HTTP, in the shape of a sign-in (SignInAttempts): the link
 * and the client's limits first (`admit`, before the frames are read), then the liveness challenge
 * when one is due, the examination (enrollment.ts), then the templates stored and the link spent;
 * or a refusal, thrown, counted against the link. A link is worth `face.attempts.perInteraction`
 * tries, as a sign-in is (a challenge issued is a try): after the last refused one it is spent. A
 * face enrolled under another account spends it at once, and the answer does not say why (the
 * reason is in the audit): a link must not be a way to ask "is this face enrolled here?". Every
 * outcome is audited with the invitation's id. Consent to the configured policy version comes
 * with the frames, or the try is refused before they are looked at (it costs the link nothing);
 * it is recorded with the invitation's token hash before the templates are stored.
 */
import type { InvitationRecord, Store } from '../../adapters/contract.js';
import { FacegateError } from '../errors.js';
import { FaceError } from '../face/errors.js';
import { say } from '../sentences.js';
import type { AttemptLimits } from './attempt-limits.js';
import type { AuditTrail } from './audit-trail.js';
import type { Challenge, Challenges } from './challenges.js';
import type { ConsentPolicy } from './consent.js';
import {
  EnrollmentRefusal,
  examineEnrollment,
  examineLiveEnrollment,
  MIN_ENROLLMENT_FRAMES,
  saveEnrollment,
} from './enrollment.js';
import type { FaceService } from './face-service.js';
import { hashToken, invitationId } from './invitations.js';
import { refusal, tooManyAttempts } from './refusal.js';

/** What the enrolment page says about the account's face before the pictures are taken. */
export type FaceChange = 'replaces' | 'adds' | undefined;

export interface EnrollmentPage {
  invitation: InvitationRecord;
  change: FaceChange;
}

export interface EnrollmentChallenge {
  kind: 'challenge';
  token: string;
  challenge: Challenge;
  attemptsLeft: number;
}

export interface Enrolled {
  kind: 'enrolled';
  accountId: string;
}

export interface EnrollmentRequest {
  invitation: InvitationRecord;
  frames: readonly Uint8Array[];
  /** The challenge token a live burst answers. */
  challenge?: string;
  /** The name typed on the page, for an invitation that gave none. */
  typedName?: string;
  /** The policy version the person ticked the consent box for (the box's value), if they did. */
  consent?: string;
  ip: string;
}

/** The link's token finds no invitation, or the invitation was spent. */
function invalidLink(): FacegateError {
  return new FacegateError('invalid_link', say('invalid_link'), { status: 410 });
}

export class EnrollmentAttempts {
  /** With `challenges`, enrolment checks a live burst like sign-in does. */
  constructor(
    private readonly store: Store,
    private readonly face: FaceService,
    private readonly limits: AttemptLimits,
    private readonly audit: AuditTrail,
    readonly consent: ConsentPolicy,
    private readonly challenges?: Challenges,
  ) {}

  get liveness(): boolean {
    return Boolean(this.challenges);
  }

  /** What the link's page shows, or undefined when the link does not work. */
  async page(token: string): Promise<EnrollmentPage | undefined> {
    const invitation = await this.store.invitations.find(hashToken(token));
    if (!invitation) return undefined;
    return {
      invitation,
      change: invitation.replace ? 'replaces' : (await this.hasFace(invitation.accountId)) ? 'adds' : undefined,
    };
  }

  /** A challenge for this link, for one of its tries; with none left, the link is spent. */
  async challenge(token: string): Promise<EnrollmentChallenge> {
    if (!this.challenges) throw new FacegateError('liveness_off', say('liveness_off'), { status: 404 });
    const invitation = await this.invitation(token);
    if ((await this.limits.linkAttemptsLeft(invitation)) === 0) {
      await this.store.invitations.consume(invitation.tokenHash);
      throw invalidLink();
    }
    const attemptsLeft = await this.limits.spendLinkAttempt(invitation);
    return { kind: 'challenge', ...(await this.challenges.issue(subjectOf(invitation))), attemptsLeft };
  }

  /** Before the frames are read: the link's invitation, if it works and this client may try now. */
  async admit(token: string, ip: string): Promise<InvitationRecord> {
    const invitation = await this.invitation(token);
    const gate = await this.limits.gate(ip);
    if (gate.kind === 'closed') throw tooManyAttempts(gate.retryAfterSeconds);
    return invitation;
  }

  /** The frames of a try that `admit` let through. */
  async attempt(request: EnrollmentRequest): Promise<Enrolled> {
    const { invitation } = request;
    const base = { type: 'enrollment', accountId: invitation.accountId, ip: request.ip };
    const detail = { invitation: invitationId(invitation.tokenHash) };
    this.consent.check(request.consent);
    let embeddings: Float32Array[];
    try {
      embeddings = await this.examine(request);
    } catch (error) {
      if (error instanceof EnrollmentRefusal) throw await this.refused(request, error);
      // Busy: the frames were not looked at, the challenge stays unspent, the link keeps its tries.
      if (error instanceof FaceError && error.code === 'busy') this.audit.busy({ ...base, detail });
      throw error;
    }
    // Spend the link only now, atomically: of two tabs sending at once, one enrols.
    if (!(await this.store.invitations.consume(invitation.tokenHash))) throw invalidLink();
    const typedName = request.typedName?.trim();
    const profile = { ...invitation.profile, ...(invitation.profile.name || !typedName ? {} : { name: typedName }) };
    await saveEnrollment(this.store, this.face.model, invitation.accountId, embeddings, {
      replace: invitation.replace,
      profile,
      recordConsent: () =>
        this.consent.record(invitation.accountId, 'enrolment_page', { invitationHash: invitation.tokenHash }),
    });
    await this.audit.record({
      ...base,
      result: 'enrolled',
      detail: {
        ...detail,
        templates: embeddings.length,
        change: invitation.replace ? 'replaced' : 'added',
        consentVersion: this.consent.required ? this.consent.version : null,
      },
    });
    return { kind: 'enrolled', accountId: invitation.accountId };
  }

  /** Whether the account has a face of this embedder enrolled (a link that does not replace it adds to it). */
  private async hasFace(accountId: string): Promise<boolean> {
    return (await this.store.templates.listForAccount(accountId)).some(
      (template) => template.model === this.face.model,
    );
  }

  private async invitation(token: string): Promise<InvitationRecord> {
    const invitation = await this.store.invitations.find(hashToken(token));
    if (!invitation) throw invalidLink();
    return invitation;
  }

  /**
   * The templates the frames give: a live burst answering the link's challenge, or plain pictures.
   * A challenge that does not fit, or too few plain pictures, is the request's fault: nothing is
   * judged or counted.
   */
  private examine({ invitation, frames, challenge }: EnrollmentRequest): Promise<Float32Array[]> {
    const target = { accountId: invitation.accountId, replace: invitation.replace };
    if (this.challenges) {
      return this.challenges.answer(challenge ?? '', subjectOf(invitation), ({ steps }) =>
        examineLiveEnrollment(this.face, frames, steps, target),
      );
    }
    if (frames.length < MIN_ENROLLMENT_FRAMES) {
      return Promise.reject(
        new FacegateError('too_few_frames', say('too_few_pictures', { count: MIN_ENROLLMENT_FRAMES }), { status: 400 }),
      );
    }
    return examineEnrollment(this.face, frames, target);
  }

  /**
   * A refused try: counted against the client and the link (with a challenge, issuing it was the
   * try), audited with its reason. The link is spent at its last try, and at once for a face
   * enrolled under another account, whose answer is the generic refusal.
   */
  private async refused({ invitation, ip }: EnrollmentRequest, reason: EnrollmentRefusal): Promise<FacegateError> {
    await this.limits.refused(ip);
    const elsewhere = reason.code === 'already_enrolled';
    const attemptsLeft = elsewhere
      ? 0
      : this.challenges
        ? await this.limits.linkAttemptsLeft(invitation)
        : await this.limits.spendLinkAttempt(invitation);
    const linkSpent = attemptsLeft === 0;
    if (linkSpent) await this.store.invitations.consume(invitation.tokenHash);
    await this.audit.record({
      type: 'enrollment',
      accountId: invitation.accountId,
      ip,
      result: reason.code,
      detail: {
        invitation: invitationId(invitation.tokenHash),
        frame: reason.image ?? null,
        ...reason.detail,
        attemptsLeft,
        linkSpent,
      },
    });
    if (elsewhere) return refusal('enrollment_refused', { linkSpent });
    return refusal(
      reason,
      {
        ...(reason.image === undefined ? {} : { frame: reason.image }),
        ...(linkSpent ? { linkSpent: true } : {}),
      },
      linkSpent ? [...(reason.sentences ?? []), say('link_spent')] : undefined,
    );
  }
}

/** What a link's challenges are bound to. */
function subjectOf(invitation: InvitationRecord): string {
  return `enroll:${invitation.tokenHash}`;
}
