/**
 * `/enroll/:token`: the page an invitation link opens, and the frames it sends back (a live burst
 * answering a challenge, or plain pictures when liveness is off). Each route reads the request,
 * calls EnrollmentAttempts, and renders; what a try does to the link is the service's business.
 */
import Router from '@koa/router';
import { MIN_ENROLLMENT_FRAMES } from '../src/access/enrollment.js';
import type { EnrollmentAttempts } from '../src/access/enrollment-attempt.js';
import type { RegistrationGrants } from '../src/passkeys/registration-grants.js';
import { challengeAnswer } from './challenge-answer.js';
import { consentStatement, type StatementSettings } from './consent-statement.js';
import { answerFailures, renderFailures } from './failures.js';
import { noStore } from './page-headers.js';
import { readFrames, type FrameLimits } from './read-frames.js';
import { renderPage } from './views.js';
import { wordsFor } from './words.js';

export interface EnrollmentOptions {
  enrollment: EnrollmentAttempts;
  frames: FrameLimits;
  /** What the consent box stands for (consent-statement.ts). */
  statement: StatementSettings;
  /** With passkeys on: an enrolment's answer carries a grant to add a passkey (passkey-routes.ts). */
  passkeyGrants?: RegistrationGrants;
}

export function enrollmentRoutes({ enrollment, frames, statement, passkeyGrants }: EnrollmentOptions): Router {
  const router = new Router({ prefix: '/enroll/:token' });
  router.use(noStore);

  router.get('/', renderFailures, async (ctx) => {
    const page = await enrollment.page(ctx.params.token!);
    const words = wordsFor(ctx);
    if (!page) {
      ctx.status = 404;
      renderPage(ctx, 'error', words, {
        title: words.t('error.enroll_title'),
        heading: words.t('enroll.link_broken'),
        error: 'invalid_link',
        description: words.t('invalid_link'),
      });
      return;
    }
    const { expiresAt } = page.invitation;
    renderPage(ctx, 'enroll', words, {
      title: words.t('enroll.title'),
      token: ctx.params.token,
      accountId: page.invitation.accountId,
      name: page.invitation.profile.name,
      minFrames: MIN_ENROLLMENT_FRAMES,
      liveness: enrollment.liveness,
      passkeys: Boolean(passkeyGrants),
      // What the page says about the account's face before the pictures are taken.
      change: page.change && words.t(page.change === 'replaces' ? 'enroll.replaces' : 'enroll.adds'),
      validUntil: { iso: new Date(expiresAt).toISOString(), text: words.date(expiresAt) },
      statement: consentStatement(words, statement),
    });
  });

  router.post('/challenge', answerFailures, async (ctx) => {
    const issued = await enrollment.challenge(ctx.params.token!);
    ctx.body = { ...challengeAnswer(issued, wordsFor(ctx)), attemptsLeft: issued.attemptsLeft };
  });

  router.post('/', answerFailures, async (ctx) => {
    const invitation = await enrollment.admit(ctx.params.token!, ctx.ip);
    const read = await readFrames(ctx, frames);
    const enrolled = await enrollment.attempt({
      invitation,
      frames: read.frames,
      challenge: read.fields.challenge,
      typedName: read.fields.name,
      consent: read.fields.consent,
      ip: ctx.ip,
    });
    // The spent link leaves no session: the grant lets this page, and only it, add a passkey next.
    const passkeyGrant = await passkeyGrants?.issue(enrolled.accountId);
    ctx.body = {
      status: 'enrolled',
      accountId: enrolled.accountId,
      message: wordsFor(ctx).t('enrolled'),
      ...(passkeyGrant ? { passkeyGrant } : {}),
    };
  });

  return router;
}
