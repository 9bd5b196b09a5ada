/**
 * `/enroll/:token`: the page an invitation link opens, and the frames it sends back (a live burst
 * answering a challenge, or plain pictures when liveness is off). Each route reads the request,
 * calls EnrollmentAttempts, and renders; what a try does to the link is the service's business.
 */
import Router from '@koa/router';
import { SENTENCES } from '../src/sentences.js';
import { MIN_ENROLLMENT_FRAMES } from '../src/access/enrollment.js';
import type { EnrollmentAttempts } from '../src/access/enrollment-attempt.js';
import { challengeAnswer } from './challenge-answer.js';
import { answerFailures, renderFailures } from './failures.js';
import { noStore } from './page-headers.js';
import { readFrames, type FrameLimits } from './read-frames.js';
import { renderPage } from './views.js';

export interface EnrollmentOptions {
  enrollment: EnrollmentAttempts;
  frames: FrameLimits;
}

/** What the page says about an account's face before the pictures are taken. */
const CHANGES = {
  replaces: 'This link replaces the face enrolled for this account: the pictures you take become its only face.',
  adds: 'This account has a face enrolled already: these pictures are added to it only if they show the same person.',
} as const;

export function enrollmentRoutes({ enrollment, frames }: EnrollmentOptions): Router {
  const router = new Router({ prefix: '/enroll/:token' });
  router.use(noStore);

  router.get('/', renderFailures, async (ctx) => {
    const page = await enrollment.page(ctx.params.token!);
    if (!page) {
      ctx.status = 404;
      renderPage(ctx, 'error', {
        title: 'Enrolment',
        heading: 'This enrolment link does not work',
        error: 'invalid_link',
        description: SENTENCES.invalid_link,
      });
      return;
    }
    renderPage(ctx, 'enroll', {
      title: 'Enrol your face',
      token: ctx.params.token,
      accountId: page.invitation.accountId,
      name: page.invitation.profile.name,
      minFrames: MIN_ENROLLMENT_FRAMES,
      liveness: enrollment.liveness,
      change: page.change && CHANGES[page.change],
    });
  });

  router.post('/challenge', answerFailures, async (ctx) => {
    const issued = await enrollment.challenge(ctx.params.token!);
    ctx.body = { ...challengeAnswer(issued), attemptsLeft: issued.attemptsLeft };
  });

  router.post('/', answerFailures, async (ctx) => {
    const invitation = await enrollment.admit(ctx.params.token!, ctx.ip);
    const read = await readFrames(ctx, frames);
    const enrolled = await enrollment.attempt({
      invitation,
      frames: read.frames,
      challenge: read.fields.challenge,
      typedName: read.fields.name,
      ip: ctx.ip,
    });
    ctx.body = { status: 'enrolled', accountId: enrolled.accountId, message: SENTENCES.enrolled };
  });

  return router;
}
