/**
 * One try of an enrolment link, without HTTP: the liveness challenge when one is due, the
 * examination (enrollment.ts), then the templates stored and the link spent, or the refusal
 * counted against the link. A link is worth `face.attempts.perInteraction` tries, as a sign-in is
 * (a challenge issued is a try): after the last refused one it is spent. A face enrolled under
 * another account spends it at once, and the answer does not say why (the reason is in the audit):
 * a link must not be a way to ask "is this face enrolled here?". Every outcome is audited with the
 * invitation's id.
 */
import type { InvitationRecord, Store } from '../../adapters/contract.js';
import type { AttemptLimits } from './attempt-limits.js';
import type { AuditTrail } from './audit-trail.js';
import { ChallengeError, type Challenge, type Challenges } from './challenges.js';
import { examineEnrollment, examineLiveEnrollment, MIN_ENROLLMENT_FRAMES, saveEnrollment, type Examination } from './enrollment.js';
import type { FaceService } from './face-service.js';
import { invitationId } from './invitations.js';

export const ENROLLMENT_REFUSED = 'This enrolment cannot be completed: ask whoever sent you the link.';
const LINK_SPENT = 'This link cannot be used again: ask whoever sent it for a new one.';

export type EnrollmentChallengeOutcome =
  | { kind: 'challenge'; token: string; challenge: Challenge; attemptsLeft: number }
  | { kind: 'invalid_link' };

export type EnrollmentOutcome =
  | { kind: 'enrolled'; accountId: string }
  /** The pictures did not pass; `linkSpent` when that was the link's last try. */
  | { kind: 'refused'; code: string; message: string; image?: number; linkSpent: boolean }
  /** The request itself is wrong (a challenge that does not fit, too few pictures): nothing was judged. */
  | { kind: 'bad_request'; code: string; message: string }
  | { kind: 'invalid_link' }
  | { kind: 'busy'; message: string };

export interface EnrollmentRequest {
  invitation: InvitationRecord;
  frames: readonly Uint8Array[];
  /** The challenge token a live burst answers. */
  challenge?: string;
  /** The name typed on the page, for an invitation that gave none. */
  typedName?: string;
  ip: string;
}

export class EnrollmentAttempts {
  /** With `challenges`, enrolment checks a live burst like sign-in does. */
  constructor(
    private readonly store: Store,
    private readonly face: FaceService,
    private readonly limits: AttemptLimits,
    private readonly audit: AuditTrail,
    private readonly challenges?: Challenges,
  ) {}

  get liveness(): boolean {
    return Boolean(this.challenges);
  }

  /** Whether the account has a face of this embedder enrolled (a link that does not replace it adds to it). */
  async hasFace(accountId: string): Promise<boolean> {
    return (await this.store.templates.listForAccount(accountId)).some((template) => template.model === this.face.model);
  }

  /** A challenge for this link, for one of its tries; with none left, the link is spent. */
  async challenge(invitation: InvitationRecord): Promise<EnrollmentChallengeOutcome> {
    if (!this.challenges) throw new Error('enrolment takes plain pictures: no challenge');
    if (await this.limits.linkAttemptsLeft(invitation) === 0) {
      await this.store.invitations.consume(invitation.tokenHash);
      return { kind: 'invalid_link' };
    }
    const attemptsLeft = await this.limits.spendLinkAttempt(invitation);
    return { kind: 'challenge', ...await this.challenges.issue(subjectOf(invitation)), attemptsLeft };
  }

  async attempt(request: EnrollmentRequest): Promise<EnrollmentOutcome> {
    const { invitation } = request;
    const target = { accountId: invitation.accountId, replace: invitation.replace };
    let examination: Examination;
    if (this.challenges) {
      let challenge: Challenge;
      try {
        challenge = await this.challenges.check(request.challenge ?? '', subjectOf(invitation));
      } catch (error) {
        if (!(error instanceof ChallengeError)) throw error;
        return { kind: 'bad_request', code: error.code, message: error.message };
      }
      examination = await examineLiveEnrollment(this.face, request.frames, challenge.steps, target);
      if (!(examination.ok === false && examination.code === 'busy')) {
        const replay = await this.challenges.spendJudged(challenge, !examination.ok);
        if (replay) return { kind: 'bad_request', code: replay.code, message: replay.message };
      }
    } else {
      if (request.frames.length < MIN_ENROLLMENT_FRAMES) {
        return { kind: 'bad_request', code: 'too_few_frames', message: `Send at least ${MIN_ENROLLMENT_FRAMES} pictures.` };
      }
      examination = await examineEnrollment(this.face, request.frames, target);
    }
    const base = { type: 'enrollment', accountId: invitation.accountId, ip: request.ip };
    const detail = { invitation: invitationId(invitation.tokenHash) };
    if (!examination.ok) {
      if (examination.code === 'busy') {
        this.audit.busy({ ...base, detail });
        return { kind: 'busy', message: examination.message };
      }
      return this.refused(request, examination);
    }
    // Spend the link only now, atomically: of two tabs sending at once, one enrols.
    if (!(await this.store.invitations.consume(invitation.tokenHash))) return { kind: 'invalid_link' };
    const typedName = request.typedName?.trim();
    const profile = { ...invitation.profile, ...(invitation.profile.name || !typedName ? {} : { name: typedName }) };
    await saveEnrollment(this.store, this.face.model, invitation.accountId, examination.embeddings, { replace: invitation.replace, profile });
    await this.audit.record({
      ...base, result: 'enrolled',
      detail: { ...detail, templates: examination.embeddings.length, change: invitation.replace ? 'replaced' : 'added' },
    });
    return { kind: 'enrolled', accountId: invitation.accountId };
  }

  /**
   * A refused try: counted against the client and the link (with a challenge, issuing it was the
   * try), audited with its reason. The link is spent at its last try, and at once for a face
   * enrolled under another account, whose answer is the generic refusal.
   */
  private async refused({ invitation, ip }: EnrollmentRequest, examination: Extract<Examination, { ok: false }>): Promise<EnrollmentOutcome> {
    await this.limits.refused(ip);
    const elsewhere = examination.code === 'already_enrolled';
    const attemptsLeft = elsewhere ? 0
      : this.challenges ? await this.limits.linkAttemptsLeft(invitation) : await this.limits.spendLinkAttempt(invitation);
    const linkSpent = attemptsLeft === 0;
    if (linkSpent) await this.store.invitations.consume(invitation.tokenHash);
    await this.audit.record({
      type: 'enrollment', accountId: invitation.accountId, ip, result: examination.code,
      detail: { invitation: invitationId(invitation.tokenHash), frame: examination.image ?? null, ...examination.detail, attemptsLeft, linkSpent },
    });
    if (elsewhere) return { kind: 'refused', code: 'enrollment_refused', message: ENROLLMENT_REFUSED, linkSpent };
    const message = linkSpent ? `${examination.message} ${LINK_SPENT}` : examination.message;
    return { kind: 'refused', code: examination.code, message, image: examination.image, linkSpent };
  }
}

/** What a link's challenges are bound to. */
function subjectOf(invitation: InvitationRecord): string {
  return `enroll:${invitation.tokenHash}`;
}
