/**
 * `/account`: the person's own page. Signing in to it is an authorization request of facegate's
 * own client (account-client.ts: code flow with PKCE, prompt=login, so always a fresh face),
 * whose code comes back to /account/callback and is redeemed in the process (account-code.ts);
 * the page then lives in a signed cookie (account-session.ts) for as long as the provider session
 * it was signed in with, and at most PAGE_MINUTES. Every action is a POST carrying the session's
 * CSRF token, and acts on the session's account: no account id is read from a request.
 */
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { ConsentRecord } from '../adapters/contract.js';
import type { AccountData, EnrolledFace } from '../src/access/account-data.js';
import { FacegateError } from '../src/errors.js';
import { ACCOUNT_CLIENT_ID, accountCallback } from '../src/oidc/account-client.js';
import { faceAcr } from '../src/oidc/acr.js';
import { redeemAccountCode, sessionStillOpen } from '../src/oidc/account-code.js';
import type { RegistrationGrants } from '../src/passkeys/registration-grants.js';
import { say } from '../src/sentences.js';
import { AccountCookies, type PageSession, sameSecret } from './account-session.js';
import { renderFailures } from './failures.js';
import { noStore } from './page-headers.js';
import { renderPage } from './views.js';
import { languageOf, type Words, wordsFor } from './words.js';

export interface AccountPageOptions {
  provider: Provider;
  data: AccountData;
  /** With passkeys on: the grants that let the page add a passkey to the signed-in account. */
  passkeyGrants?: RegistrationGrants;
}

/** A form of the page came without its session, or with another session's token: sign in again. */
function notSignedIn(): FacegateError {
  return new FacegateError('account_signed_out', say('account.signed_out'), { status: 403 });
}

/** The callback came back without a sign-in this browser started, or with a code that does not redeem. */
function signInFailed(): FacegateError {
  return new FacegateError('account_sign_in_failed', say('account.sign_in_failed'), { status: 400 });
}

export function accountRoutes({ provider, data, passkeyGrants }: AccountPageOptions): Router {
  const cookies = new AccountCookies(new URL(provider.issuer).protocol === 'https:');
  const router = new Router({ prefix: '/account' });
  const form = bodyParser({ enableTypes: ['form'] });
  router.use(noStore, renderFailures);

  /** The page's session, while the provider session it was signed in with is open. */
  const sessionOf = async (ctx: Context): Promise<PageSession | undefined> => {
    const session = cookies.read(ctx);
    if (!session || !(await sessionStillOpen(provider, session))) return undefined;
    return session;
  };
  /** A form's session: the page's, and the form carries its CSRF token. */
  const formSession = async (ctx: Context): Promise<PageSession> => {
    const session = await sessionOf(ctx);
    const token = (ctx.request.body as Record<string, unknown> | undefined)?.csrf;
    if (!session || !sameSecret(token, session.csrf)) throw notSignedIn();
    return session;
  };

  /** Sends the browser to sign in with its face, for this page. */
  const startSignIn = (ctx: Context) => {
    const { state, challenge } = cookies.start(ctx);
    const url = new URL('/auth', provider.issuer);
    url.search = new URLSearchParams({
      client_id: ACCOUNT_CLIENT_ID,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: accountCallback(provider.issuer),
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      prompt: 'login',
      // A face: with passkeys on, a passkey alone would otherwise open the page that deletes the face.
      acr_values: faceAcr,
      ui_locales: languageOf(ctx),
    }).toString();
    ctx.status = 303;
    ctx.redirect(url.href);
  };

  router.get('/', async (ctx) => {
    const session = await sessionOf(ctx);
    if (!session) return startSignIn(ctx);
    const words = wordsFor(ctx);
    const { account, faces, consent, signIns, passkeys } = await data.overview(session.accountId);
    renderPage(ctx, 'account', words, {
      title: words.t('account.title'),
      wide: true,
      csrf: session.csrf,
      name: account.name ?? [account.givenName, account.familyName].filter(Boolean).join(' '),
      accountId: account.id,
      email: account.email,
      faces: faces.map((face) => ({
        ...face,
        when: timeOf(words, face.enrolledAt),
        through: throughText(words, face),
      })),
      consent: consent && {
        version: consent.version,
        when: timeOf(words, consent.at),
        how: consentHow(words, consent),
      },
      signIns: signIns.map((event) => ({
        when: timeOf(words, event.at),
        client: event.clientId === ACCOUNT_CLIENT_ID ? words.t('account.this_page') : (event.clientId ?? '—'),
        result:
          event.result === 'accepted'
            ? words.t('account.accepted')
            : words.t('account.refused', { reason: event.result }),
        accepted: event.result === 'accepted',
        ip: event.ip ?? '—',
      })),
      passkeysOn: Boolean(passkeyGrants),
      passkeys: passkeys.map((passkey) => ({
        id: passkey.credentialId,
        added: timeOf(words, passkey.createdAt),
        lastUsed: passkey.lastUsedAt === undefined ? undefined : timeOf(words, passkey.lastUsedAt),
      })),
    });
  });

  // Only this path: the sign-in always comes back to the page itself, so there is no place to
  // send the browser that a request could choose (no open redirect).
  router.get('/callback', async (ctx) => {
    const start = cookies.takeStart(ctx);
    const { code, state, error } = ctx.query;
    if (typeof error === 'string')
      throw new FacegateError('access_denied', say('account.sign_in_cancelled'), { status: 400 });
    if (!start || !sameSecret(state, start.state) || typeof code !== 'string') throw signInFailed();
    const signIn = await redeemAccountCode(provider, code, start.verifier);
    if (!signIn) throw signInFailed();
    cookies.open(ctx, signIn);
    ctx.status = 303;
    ctx.redirect('/account');
  });

  router.post('/data', form, async (ctx) => {
    const session = await formSession(ctx);
    const embeddings = (ctx.request.body as Record<string, unknown>).embeddings === 'yes';
    const document = await data.download(session.accountId, { embeddings });
    ctx.set('Content-Disposition', `attachment; filename="facegate-${safeFileName(session.accountId)}.json"`);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(document, null, 2);
  });

  router.get('/delete', async (ctx) => {
    const session = await sessionOf(ctx);
    if (!session) return startSignIn(ctx);
    const words = wordsFor(ctx);
    renderPage(ctx, 'account-delete', words, { title: words.t('account.delete_title'), csrf: session.csrf });
  });

  router.post('/delete', form, async (ctx) => {
    const session = await formSession(ctx);
    const deleted = await data.deleteFace(session.accountId, ctx.ip);
    cookies.end(ctx);
    const words = wordsFor(ctx);
    renderPage(ctx, 'account-deleted', words, {
      title: words.t('account.deleted_title'),
      templates: words.t('account.deleted_templates', { count: deleted.templates }),
    });
  });

  // The credential named in the form is removed only if it is the signed-in account's.
  router.post('/passkeys/remove', form, async (ctx) => {
    const session = await formSession(ctx);
    const credential = (ctx.request.body as Record<string, unknown>).credential;
    if (typeof credential === 'string') await data.removePasskey(session.accountId, credential, ctx.ip);
    ctx.status = 303;
    ctx.redirect('/account');
  });

  // A registration grant for the signed-in account, for the page's script: the ceremony itself is
  // the enrolment page's (/passkeys/register), bound to the account by the grant.
  if (passkeyGrants) {
    router.post('/passkeys/grant', form, async (ctx) => {
      const session = await formSession(ctx);
      ctx.body = { grant: await passkeyGrants.issue(session.accountId) };
    });
  }

  router.post('/enroll', form, async (ctx) => {
    const session = await formSession(ctx);
    const link = await data.freshEnrolment(session.accountId);
    ctx.status = 303;
    ctx.redirect(new URL(link).pathname);
  });

  return router;
}

/** A moment as the page shows it: the person's language, UTC until the page's script puts it in their time zone. */
function timeOf(words: Words, at: number) {
  return { iso: new Date(at).toISOString(), text: words.date(at) };
}

function consentHow(words: Words, consent: ConsentRecord): string {
  switch (consent.method) {
    case 'enrolment_page':
      return words.t('account.consent_on_enrolment');
    case 'sign_in_page':
      return words.t('account.consent_at_sign_in');
    default:
      return words.t('account.consent_by_operator', { statement: consent.recordedBy ?? '—' });
  }
}

function throughText(words: Words, { through }: EnrolledFace): string {
  switch (through.kind) {
    case 'invitation':
      return words.t('account.through_invitation', { invitation: through.invitation });
    case 'command':
      return words.t('account.through_command');
    case 'carried_over':
      return words.t('account.through_carry_over', { model: through.from });
    default:
      return words.t('account.through_unknown');
  }
}

/** An account id as part of a file name: letters, digits, dot, dash and underscore. */
function safeFileName(accountId: string): string {
  return accountId.replace(/[^\w.-]/g, '_').slice(0, 64) || 'account';
}
