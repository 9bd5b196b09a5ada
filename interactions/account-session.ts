/**
 * The /account page's two cookies, both signed with the provider's cookie keys (the Koa app's
 * keys are the same: app.ts), HttpOnly, and scoped to /account:
 * - the sign-in in progress (state and PKCE verifier), SameSite=Lax so that it comes back with the
 *   redirect to the callback; read once, then cleared;
 * - the page's session (account, provider session uid, CSRF token, end), SameSite=Strict, for
 *   PAGE_MINUTES: a link from another site opens the page only after a new sign-in.
 * A valid signature proves facegate wrote the value; what it says is checked again on each request
 * (account-routes.ts: the provider session still open).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import type { AccountSignIn } from '../src/oidc/account-code.js';

const SESSION_COOKIE = 'facegate.account';
const START_COOKIE = 'facegate.account.start';
const PATH = '/account';
export const PAGE_MINUTES = 15;
const START_MINUTES = 10;

export interface PageSession extends AccountSignIn {
  /** The token each form of the page sends back (double submit, bound to this session). */
  csrf: string;
  /** Epoch milliseconds. */
  endsAt: number;
}

export interface SignInStart {
  state: string;
  verifier: string;
  /** base64url(sha256(verifier)), for the authorization request. */
  challenge: string;
}

const random = () => randomBytes(32).toString('base64url');
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decode<T>(text: string | undefined): Partial<T> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString());
    return value && typeof value === 'object' ? (value as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

/** Two secrets compared in constant time. */
export function sameSecret(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export class AccountCookies {
  /** `secure`: the issuer is https, so are the cookies (as the provider's). */
  constructor(private readonly secure: boolean) {}

  /** A new sign-in: its state and verifier kept in the browser, replacing any earlier one. */
  start(ctx: Context): SignInStart {
    const state = random();
    const verifier = random();
    this.set(ctx, START_COOKIE, encode({ state, verifier }), START_MINUTES, 'lax');
    return { state, verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  }

  /** The sign-in in progress, once: the cookie is cleared whatever it held. */
  takeStart(ctx: Context): Omit<SignInStart, 'challenge'> | undefined {
    const start = decode<SignInStart>(ctx.cookies.get(START_COOKIE, { signed: true }));
    this.clear(ctx, START_COOKIE);
    if (typeof start?.state !== 'string' || typeof start.verifier !== 'string') return undefined;
    return { state: start.state, verifier: start.verifier };
  }

  /** The page's session after a sign-in: always a new value (a new CSRF token), never one the browser had. */
  open(ctx: Context, signIn: AccountSignIn): void {
    const session: PageSession = { ...signIn, csrf: random(), endsAt: Date.now() + PAGE_MINUTES * 60_000 };
    this.set(ctx, SESSION_COOKIE, encode(session), PAGE_MINUTES, 'strict');
  }

  /** The page's session, when its cookie is facegate's and has not ended. */
  read(ctx: Context): PageSession | undefined {
    const session = decode<PageSession>(ctx.cookies.get(SESSION_COOKIE, { signed: true }));
    if (
      typeof session?.accountId !== 'string' ||
      typeof session.sessionUid !== 'string' ||
      typeof session.csrf !== 'string' ||
      typeof session.authTime !== 'number' ||
      typeof session.endsAt !== 'number' ||
      session.endsAt <= Date.now()
    ) {
      return undefined;
    }
    return session as PageSession;
  }

  end(ctx: Context): void {
    this.clear(ctx, SESSION_COOKIE);
  }

  private set(ctx: Context, name: string, value: string, minutes: number, sameSite: 'lax' | 'strict'): void {
    ctx.cookies.set(name, value, {
      signed: true,
      httpOnly: true,
      sameSite,
      secure: this.secure,
      path: PATH,
      maxAge: minutes * 60_000,
      overwrite: true,
    });
  }

  private clear(ctx: Context, name: string): void {
    ctx.cookies.set(name, null, { signed: true, path: PATH, secure: this.secure, overwrite: true });
  }
}
