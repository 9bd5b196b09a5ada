import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { addMissingToGrant } from '../src/oidc/grants.js';
import { faceLogin, facePasskeyLogin, passkeyLogin, type LoginResult } from '../src/oidc/acr.js';
import { signInMethods } from '../src/oidc/sign-in-methods.js';
import type { PasskeyAttemptContext, PasskeySignIns } from '../src/access/passkey-sign-in.js';
import { challengeAnswer } from './challenge-answer.js';
import type { AdmitContext, AttemptOutcome, SignInAttempts } from '../src/access/sign-in-attempt.js';
import { readFrames, type FrameLimits } from './read-frames.js';
import { answerAttempt, leaveUploadUnread, type Finishers } from './attempt-answer.js';
import { consentItems } from './consent-words.js';
import { consentStatement, type StatementSettings } from './consent-statement.js';
import type { ConsentPolicy } from '../src/access/consent.js';
import { noStore } from './page-headers.js';
import { StageTiming } from './stage-timing.js';
import { renderPage } from './views.js';
import { answerFailures, renderFailures } from './failures.js';
import { FacegateError } from '../src/errors.js';
import { say, type Sentence } from '../src/sentences.js';
import { chooseFor, wordsFor } from './words.js';

export interface InteractionOptions {
  isFirstParty(clientId: string): boolean;
  signIn: SignInAttempts;
  /** The configuration asks for the liveness challenge on every sign-in. */
  livenessByDefault: boolean;
  frames: FrameLimits;
  /** Whether a recognised face must consent again before the sign-in goes on, and what to. */
  consent: ConsentPolicy;
  statement: StatementSettings;
  /** Passkeys beside the face; undefined when they are turned off. */
  passkeys?: PasskeySignIns;
}

/**
 * A sign-in done (a face recognised, or a passkey, or both), waiting for the person's consent to
 * the current policy: kept as the interaction's result under a name oidc-provider does not read, so
 * going back to the authorization endpoint signs nobody in (it asks again).
 */
type PendingConsent = LoginResult['login'];
const PENDING = 'facegatePendingConsent';

function pendingConsentOf(details: Details): PendingConsent | undefined {
  return (details.result as Record<string, PendingConsent> | undefined)?.[PENDING];
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/**
 * `/interaction/:uid`: one handler per prompt, as in oidc-provider's example routes. Login is the
 * face page, whose frames come back to POST /face; a recognised face whose consent is not of the
 * configured policy version goes to /consent-again before it is signed in; consent (oidc's, to
 * what a client asks for) is skipped for first-party clients.
 */
export function interactionRoutes(
  provider: Provider,
  { isFirstParty, signIn, livenessByDefault, frames, consent, statement, passkeys }: InteractionOptions,
): Router {
  const methodsFor = (details: Details) =>
    signInMethods(details.params, { passkeys: Boolean(passkeys), livenessByDefault });
  const router = new Router({ prefix: '/interaction/:uid' });
  const form = bodyParser({ enableTypes: ['form'] });
  router.use(noStore, renderFailures);

  router.get('/', async (ctx) => {
    const details = await detailsFor(provider, ctx);
    const words = wordsFor(ctx);
    const clientId = String(details.params.client_id);
    const client = await provider.Client.find(clientId);
    const clientName = client?.clientName ?? clientId;
    switch (details.prompt.name) {
      case 'login': {
        const methods = methodsFor(details);
        renderPage(ctx, 'login', words, {
          title: words.t('signin.title'),
          uid: details.uid,
          clientName,
          loginHint: loginHintOf(details),
          liveness: methods.liveness,
          face: methods.face || methods.facePlusPasskey,
          passkey: methods.passkey,
          facePlusPasskey: methods.facePlusPasskey,
          // Face plus passkey, face step done (the page was reloaded): the passkey step is what is left.
          faceDone: methods.facePlusPasskey && Boolean(await passkeys?.recognisedFace(details.uid)),
        });
        return;
      }
      case 'consent': {
        if (isFirstParty(clientId)) {
          await finishConsent(provider, ctx, details);
          return;
        }
        const { missingOIDCScope = [], missingOIDCClaims = [] } = details.prompt.details as {
          missingOIDCScope?: string[];
          missingOIDCClaims?: string[];
        };
        renderPage(ctx, 'consent', words, {
          title: words.t('consent.title'),
          uid: details.uid,
          clientName,
          accountId: details.session?.accountId,
          items: consentItems(words, missingOIDCScope, missingOIDCClaims),
        });
        return;
      }
      default:
        throw badRequest(say('unknown_prompt', { prompt: details.prompt.name }));
    }
  });

  /** The sign-in waiting for a face, as an attempt: who tries, on which account, with which check. */
  const attemptOf = async (ctx: Context): Promise<AdmitContext & { facePlusPasskey: boolean }> => {
    const details = await detailsFor(provider, ctx);
    if (details.prompt.name !== 'login') throw badRequest(say('not_waiting_for_face'));
    const methods = methodsFor(details);
    if (!methods.face && !methods.facePlusPasskey) throw badRequest(say('passkey.not_face'));
    // The account claimed comes from the URL, not the body: the limits are checked before the body is read.
    const claimed = loginHintOf(details) ?? ctx.query.account;
    return {
      interaction: details.uid,
      clientId: String(details.params.client_id),
      ip: ctx.ip,
      claimedAccount: typeof claimed === 'string' && claimed.trim() ? claimed.trim() : undefined,
      livenessRequired: methods.liveness,
      facePlusPasskey: methods.facePlusPasskey && !methods.face,
    };
  };
  /** How an attempt ends the interaction: signed in, or access_denied once the attempts are spent. */
  /**
   * Signs the account in; first, when its consent is not of the configured policy version, asks for
   * it (/consent-again), whichever way it signed in. Where the page goes next.
   */
  const signInOrAskConsent = async (ctx: Context, { login }: LoginResult): Promise<string> => {
    if (!(await consent.mustAskAgain(login.accountId))) return finishWith(ctx, { login });
    await finishWith(ctx, { [PENDING]: login satisfies PendingConsent });
    return `/interaction/${ctx.params.uid}/consent-again`;
  };

  const finishers = (ctx: Context): Finishers => ({
    accepted: (accountId, acr) => signInOrAskConsent(ctx, faceLogin(accountId, acr)),
    exhausted: () =>
      finishWith(ctx, { error: 'access_denied', error_description: 'The face check failed too many times.' }),
  });

  /**
   * A liveness challenge for this sign-in: the moves to ask for, and the token the burst returns.
   * It costs an attempt (SignInAttempts.challenge): once none is left, the sign-in ends.
   */
  router.post('/challenge', answerFailures, async (ctx) => {
    const outcome = await signIn.challenge(await attemptOf(ctx));
    if (outcome.kind === 'exhausted') return answerAttempt(ctx, outcome, finishers(ctx));
    ctx.body = { ...challengeAnswer(outcome, wordsFor(ctx)), attemptsLeft: outcome.attemptsLeft };
  });

  /**
   * The camera frames of one attempt (one JPEG, or a liveness burst as multipart): JSON says what next.
   * Server-Timing tells the stages' durations: read (the interaction, the attempt limits and the
   * body), face (the face engine with its queue, the gallery, the audit trail), finish (the
   * interaction's result).
   */
  router.post('/face', answerFailures, async (ctx) => {
    const timing = new StageTiming();
    try {
      const attempt = await attemptOf(ctx);
      let outcome: AttemptOutcome | undefined = await signIn.admit(attempt).catch(leaveUploadUnread(ctx));
      if (outcome) {
        ctx.set('Connection', 'close');
      } else {
        const read = await readFrames(ctx, frames);
        timing.mark('read');
        outcome = await signIn.attempt(read.frames, { ...attempt, challenge: read.fields.challenge });
      }
      timing.mark('face');
      if (outcome.kind === 'accepted' && attempt.facePlusPasskey && passkeys) {
        // Face plus passkey: the face is the first step; the interaction goes on to the passkey.
        await passkeys.faceRecognised(attempt.interaction, outcome.accountId);
        ctx.body = { status: 'passkey_required', message: wordsFor(ctx).t('passkey.face_done') };
      } else {
        await answerAttempt(ctx, outcome, finishers(ctx));
      }
      timing.mark('finish');
    } finally {
      ctx.set('Server-Timing', timing.header());
    }
  });

  /** The recognised face's sign-in, waiting for consent; anything else is not this page's business. */
  const pendingFor = async (ctx: Context) => {
    const details = await detailsFor(provider, ctx);
    const pending = pendingConsentOf(details);
    if (details.prompt.name !== 'login' || !pending) throw badRequest(say('consent.again.not_waiting'));
    return { details, pending };
  };

  router.get('/consent-again', async (ctx) => {
    const { details, pending } = await pendingFor(ctx);
    const words = wordsFor(ctx);
    const clientId = String(details.params.client_id);
    renderPage(ctx, 'consent-again', words, {
      title: words.t('consent.again.title'),
      uid: details.uid,
      clientName: (await provider.Client.find(clientId))?.clientName ?? clientId,
      accountId: pending.accountId,
      statement: consentStatement(words, statement),
    });
  });

  router.post('/consent-again', form, async (ctx) => {
    const { pending } = await pendingFor(ctx);
    consent.check((ctx.request.body as { consent?: string } | undefined)?.consent);
    await consent.record(pending.accountId, 'sign_in_page');
    await provider.interactionFinished(ctx.req, ctx.res, { login: pending }, { mergeWithLastSubmission: false });
    ctx.respond = false;
  });

  router.post('/consent-again/decline', form, async (ctx) => {
    await pendingFor(ctx);
    const result = { error: 'access_denied', error_description: 'The user did not agree to the privacy policy.' };
    await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.respond = false;
  });

  if (passkeys) {
    const json = bodyParser({ enableTypes: ['json'], jsonLimit: '64kb' });
    /** The passkey this sign-in may take now: alone, or as the step after the face; else refused. */
    const passkeyAttemptOf = async (ctx: Context): Promise<PasskeyAttemptContext> => {
      const details = await detailsFor(provider, ctx);
      if (details.prompt.name !== 'login') throw badRequest(say('not_waiting_for_face'));
      const methods = methodsFor(details);
      const context = { interaction: details.uid, clientId: String(details.params.client_id), ip: ctx.ip };
      if (methods.facePlusPasskey) {
        const faceAccount = await passkeys.recognisedFace(details.uid);
        if (faceAccount) return { ...context, faceAccount };
      }
      if (methods.passkey) return context;
      throw new FacegateError(
        methods.facePlusPasskey ? 'passkey_face_first' : 'passkey_not_offered',
        say(methods.facePlusPasskey ? 'passkey.face_first' : 'passkey.not_offered'),
        { status: 403 },
      );
    };
    const finishPasskey = async (ctx: Context, accountId: string, faceAccount: string | undefined) =>
      signInOrAskConsent(ctx, faceAccount ? facePasskeyLogin(accountId) : passkeyLogin(accountId));
    const exhausted = (ctx: Context) => answerAttempt(ctx, { kind: 'exhausted' }, finishers(ctx));

    /** The WebAuthn options for this sign-in's passkey (a new challenge, which voids the one before). */
    router.post('/passkey/options', answerFailures, async (ctx) => {
      const outcome = await passkeys.options(await passkeyAttemptOf(ctx));
      if (outcome.kind === 'exhausted') return exhausted(ctx);
      ctx.body = { options: outcome.options };
    });

    /** The authenticator's answer to them: JSON with where to go next, as for a face. */
    router.post('/passkey', answerFailures, json, async (ctx) => {
      const attempt = await passkeyAttemptOf(ctx);
      const body = ctx.request.body as { response?: unknown } | undefined;
      const outcome = await passkeys.attempt(attempt, body?.response as Parameters<PasskeySignIns['attempt']>[1]);
      if (outcome.kind === 'exhausted') return exhausted(ctx);
      ctx.body = { status: 'accepted', redirectTo: await finishPasskey(ctx, outcome.accountId, attempt.faceAccount) };
    });
  }

  router.post('/confirm', form, async (ctx) => {
    const details = await detailsFor(provider, ctx);
    if (details.prompt.name !== 'consent') throw badRequest(say('not_waiting_for_consent'));
    await finishConsent(provider, ctx, details);
  });

  router.post('/abort', form, async (ctx) => {
    await detailsFor(provider, ctx);
    const result = { error: 'access_denied', error_description: 'The user cancelled the sign-in.' };
    await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.respond = false;
  });

  /** Ends the interaction with `result`; resolves to the URL the page goes to next. */
  function finishWith(ctx: Context, result: InteractionResults): Promise<string> {
    return provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
  }

  return router;
}

/** What the page asked is not something this sign-in can do now. */
function badRequest(sentence: Sentence): FacegateError {
  return new FacegateError('invalid_request', sentence, { status: 400 });
}

function loginHintOf(details: Details): string | undefined {
  const hint = details.params.login_hint;
  return typeof hint === 'string' && hint.trim() ? hint.trim() : undefined;
}

/**
 * The interaction of this browser (its cookie), and it must be the one in the URL. What follows,
 * a refusal included, speaks the language its authorization request asked for (ui_locales).
 */
async function detailsFor(provider: Provider, ctx: Context): Promise<Details> {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  chooseFor(ctx, details.params.ui_locales);
  if (details.uid !== ctx.params.uid) throw badRequest(say('other_interaction'));
  return details;
}

async function finishConsent(provider: Provider, ctx: Context, details: Details): Promise<void> {
  const accountId = details.session!.accountId;
  const grant = details.grantId
    ? (await provider.Grant.find(details.grantId))!
    : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  addMissingToGrant(grant, details.prompt.details);
  const grantId = await grant.save();
  await provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  ctx.respond = false;
}
