/**
 * `/enroll/:token`: the page an invitation link opens, and the frames it sends back (a live burst
 * answering a challenge, or plain pictures when liveness is off). What a try does to the link is
 * EnrollmentAttempts' business: it is spent when the frames pass every check, after its last
 * refused try, or at once for a face enrolled under another account.
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import type { InvitationStore } from '../adapters/contract.js';
import type { AttemptLimits } from '../src/signin/attempt-limits.js';
import { MIN_ENROLLMENT_FRAMES } from '../src/signin/enrollment.js';
import type { EnrollmentAttempts, EnrollmentOutcome } from '../src/signin/enrollment-attempt.js';
import { hashToken } from '../src/signin/invitations.js';
import { challengeAnswer } from './challenge-answer.js';
import { answerBusy, answerRateLimited, answerRefusal, framesOrAnswer, refusalStatus } from './attempt-answer.js';
import { noStore } from './page-headers.js';
import type { FrameLimits } from './read-frames.js';
import { renderPage } from './views.js';
import { answerFailures, renderFailures } from './failures.js';

export interface EnrollmentOptions {
  invitations: InvitationStore;
  enrollment: EnrollmentAttempts;
  limits: AttemptLimits;
  frames: FrameLimits;
}

const INVALID_LINK = 'This enrolment link is not valid: it may have expired or been used already. Ask for a new one.';

/** What the page says about an account's face before the pictures are taken. */
const REPLACES = 'This link replaces the face enrolled for this account: the pictures you take become its only face.';
const ADDS = 'This account has a face enrolled already: these pictures are added to it only if they show the same person.';

export function enrollmentRoutes({ invitations, enrollment, limits, frames }: EnrollmentOptions): Router {
  const router = new Router({ prefix: '/enroll/:token' });
  router.use(noStore);
  const invitationOf = (ctx: Context) => invitations.find(hashToken(ctx.params.token!));

  router.get('/', renderFailures, async (ctx) => {
    const invitation = await invitationOf(ctx);
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
      liveness: enrollment.liveness,
      change: invitation.replace ? REPLACES : await enrollment.hasFace(invitation.accountId) ? ADDS : undefined,
    });
  });

  router.post('/challenge', answerFailures, async (ctx) => {
    if (!enrollment.liveness) return answerRefusal(ctx, 404, 'liveness_off', 'This enrolment takes plain pictures: no challenge.');
    const invitation = await invitationOf(ctx);
    if (!invitation) return answerRefusal(ctx, 410, 'invalid_link', INVALID_LINK);
    const outcome = await enrollment.challenge(invitation);
    if (outcome.kind === 'invalid_link') return answerRefusal(ctx, 410, 'invalid_link', INVALID_LINK);
    ctx.body = { ...challengeAnswer(outcome), attemptsLeft: outcome.attemptsLeft };
  });

  router.post('/', answerFailures, async (ctx) => {
    const invitation = await invitationOf(ctx);
    if (!invitation) return answerRefusal(ctx, 410, 'invalid_link', INVALID_LINK);
    const gate = await limits.gate(ctx.ip);
    if (!gate.open) return answerRateLimited(ctx, gate.retryAfterSeconds);
    const read = await framesOrAnswer(ctx, frames);
    if (!read) return;
    answerEnrollment(ctx, await enrollment.attempt({
      invitation, frames: read.frames, challenge: read.fields.challenge, typedName: read.fields.name, ip: ctx.ip,
    }));
  });

  return router;
}

function answerEnrollment(ctx: Context, outcome: EnrollmentOutcome): void {
  switch (outcome.kind) {
    case 'enrolled':
      ctx.body = { status: 'enrolled', accountId: outcome.accountId, message: 'Your face is enrolled. You can now sign in with it.' };
      return;
    case 'refused':
      return answerRefusal(ctx, refusalStatus(outcome.code), outcome.code, outcome.message, {
        ...(outcome.image === undefined ? {} : { frame: outcome.image }),
        ...(outcome.linkSpent ? { linkSpent: true } : {}),
      });
    case 'bad_request':
      return answerRefusal(ctx, 400, outcome.code, outcome.message);
    case 'invalid_link':
      return answerRefusal(ctx, 410, 'invalid_link', INVALID_LINK);
    case 'busy':
      return answerBusy(ctx, outcome.message);
  }
}
