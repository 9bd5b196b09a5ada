/**
 * `/passkeys/register`: the enrolment page adds a passkey with the grant its enrolment gave it
 * (src/access/passkey-registration.ts). The grant travels in the JSON body, never in a URL, so it
 * reaches no log or Referer.
 */
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { PasskeyRegistrations } from '../src/access/passkey-registration.js';
import { answerFailures } from './failures.js';
import { noStore } from './page-headers.js';
import { wordsFor } from './words.js';

export function passkeyRoutes(registrations: PasskeyRegistrations): Router {
  const router = new Router({ prefix: '/passkeys/register' });
  router.use(noStore, answerFailures, bodyParser({ enableTypes: ['json'], jsonLimit: '64kb' }));

  router.post('/options', async (ctx) => {
    const { grant } = (ctx.request.body ?? {}) as { grant?: unknown };
    ctx.body = { options: await registrations.options(grant, ctx.ip) };
  });

  router.post('/', async (ctx) => {
    const { grant, response } = (ctx.request.body ?? {}) as { grant?: unknown; response?: RegistrationResponseJSON };
    await registrations.register(grant, response as RegistrationResponseJSON, ctx.ip);
    ctx.body = { status: 'registered', message: wordsFor(ctx).t('passkey.script.added') };
  });

  return router;
}
