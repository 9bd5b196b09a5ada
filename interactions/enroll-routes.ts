/**
 * `/enroll/:token`: the page an invitation link opens, and the frames it sends back (a live burst
 * answering a challenge, or plain pictures when liveness is off). The token is spent only when the
 * frames pass every check, so a failed try can be repeated with the same link.
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import type { Store } from '../adapters/contract.js';
import type { AttemptLimits } from '../src/signin/attempt-limits.js';
import type { AuditTrail } from '../src/signin/audit-trail.js';
import { examineEnrollment, examineLiveEnrollment, MIN_ENROLLMENT_FRAMES, saveEnrollment } from '../src/signin/enrollment.js';
import { ChallengeError, type Challenges } from '../src/signin/challenges.js';
import { challengeAnswer } from './challenge-answer.js';
import type { FaceService } from '../src/signin/face-service.js';
import { hashToken } from '../src/signin/invitations.js';
import { answerBusy, answerRateLimited, answerRefusal, framesOrAnswer, refusalStatus } from './attempt-answer.js';
import { noStore } from './page-headers.js';
import type { FrameLimits } from './read-frames.js';
import { renderPage } from './views.js';
import { answerFailures, renderFailures } from './failures.js';

export interface EnrollmentOptions {
  store: Store;
  face: FaceService;
  limits: AttemptLimits;
  audit: AuditTrail;
  frames: FrameLimits;
  /** With a challenge, enrolment checks a live burst like sign-in does. */
  challenges?: Challenges;
}

const INVALID_LINK = 'This enrolment link is not valid: it may have expired or been used already. Ask for a new one.';

export function enrollmentRoutes({ store, face, limits, audit, frames, challenges }: EnrollmentOptions): Router {
  const router = new Router({ prefix: '/enroll/:token' });
  router.use(noStore);

  router.get('/', renderFailures, async (ctx) => {
    const invitation = await store.invitations.find(hashToken(ctx.params.token));
    if (!invitation) {
      ctx.status = 404;
      renderPage(ctx, 'error', { title: 'Enrolment', heading: 'This enrolment link does not work', error: 'invalid_link', description: INVALID_LINK });
      return;
    }
    renderPage(ctx, 'enroll', {
      title: 'Enrol your face',
      token: ctx.params.token,
      accountId: invitation.accountId,
      name: invitation.profile.name,
      minFrames: MIN_ENROLLMENT_FRAMES,
      liveness: Boolean(challenges),
    });
  });

  router.post('/challenge', answerFailures, async (ctx) => {
    const tokenHash = hashToken(ctx.params.token);
    if (!challenges) return refuse(ctx, 404, 'liveness_off', 'This enrolment takes plain pictures: no challenge.');
    if (!(await store.invitations.find(tokenHash))) return refuse(ctx, 410, 'invalid_link', INVALID_LINK);
    ctx.body = challengeAnswer(await challenges.issue(`enroll:${tokenHash}`));
  });

  router.post('/', answerFailures, async (ctx) => {
    const tokenHash = hashToken(ctx.params.token);
    const invitation = await store.invitations.find(tokenHash);
    if (!invitation) return refuse(ctx, 410, 'invalid_link', INVALID_LINK);
    const gate = await limits.gate(ctx.ip);
    if (!gate.open) return answerRateLimited(ctx, gate.retryAfterSeconds);
    const read = await framesOrAnswer(ctx, frames);
    if (!read) return;
    const base = { type: 'enrollment', accountId: invitation.accountId, ip: ctx.ip };
    let examination;
    if (challenges) {
      let challenge;
      try {
        challenge = await challenges.check(read.fields.challenge ?? '', `enroll:${tokenHash}`);
      } catch (error) {
        if (!(error instanceof ChallengeError)) throw error;
        return refuse(ctx, 400, error.code, error.message);
      }
      examination = await examineLiveEnrollment(face, read.frames, challenge.moves, invitation.accountId);
      if (!(examination.ok === false && examination.code === 'busy')) {
        const replay = await challenges.spendJudged(challenge, !examination.ok);
        if (replay) return refuse(ctx, 400, replay.code, replay.message);
      }
    } else {
      if (read.frames.length < MIN_ENROLLMENT_FRAMES) {
        return refuse(ctx, 400, 'too_few_frames', `Send at least ${MIN_ENROLLMENT_FRAMES} pictures.`);
      }
      examination = await examineEnrollment(face, read.frames, invitation.accountId);
    }
    if (!examination.ok) {
      if (examination.code === 'busy') {
        audit.busy(base);
        return answerBusy(ctx, examination.message);
      }
      await limits.refused(ctx.ip);
      await audit.record({ ...base, result: examination.code, detail: { frame: examination.image ?? null, ...examination.detail } });
      return refuse(ctx, refusalStatus(examination.code), examination.code, examination.message, examination.image);
    }
    // Spend the link only now, atomically: of two tabs sending at once, one enrols.
    if (!(await store.invitations.consume(tokenHash))) return refuse(ctx, 410, 'invalid_link', INVALID_LINK);
    const typedName = read.fields.name?.trim();
    const profile = { ...invitation.profile, ...(invitation.profile.name || !typedName ? {} : { name: typedName }) };
    await saveEnrollment(store, face.model, invitation.accountId, examination.embeddings, { replace: invitation.replace, profile });
    await audit.record({ ...base, result: 'enrolled', detail: { templates: examination.embeddings.length, replace: invitation.replace } });
    ctx.body = { status: 'enrolled', accountId: invitation.accountId, message: 'Your face is enrolled. You can now sign in with it.' };
  });

  return router;
}

function refuse(ctx: Context, status: number, error: string, message: string, frame?: number): void {
  answerRefusal(ctx, status, error, message, frame === undefined ? {} : { frame });
}
