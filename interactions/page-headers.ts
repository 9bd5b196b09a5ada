/**
 * The headers of the provider's own pages and their JSON answers: never cached (they show the
 * state of one sign-in), and a Content-Security-Policy that allows only this origin's scripts and
 * styles, images also as data: (status icons) and blob: (enrolment thumbnails), requests only to
 * this origin, and no framing by other sites. Each response gets a fresh nonce: our pages put it on
 * their script tags, and an inline script runs only if it carries it (no 'unsafe-inline').
 */
import { randomBytes } from 'node:crypto';
import type { Context, Next } from 'koa';

export function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sets the CSP with a new nonce; returns the nonce. */
function setCsp(ctx: Pick<Context, 'set'>): string {
  const nonce = randomBytes(16).toString('base64');
  ctx.set('Content-Security-Policy', pageCsp(nonce));
  return nonce;
}

/** Sets the page headers with a new nonce; returns the nonce. */
export function setPageHeaders(ctx: Pick<Context, 'set'>): string {
  ctx.set('Cache-Control', 'no-store');
  return setCsp(ctx);
}

/** Around our routes: nothing of a sign-in is cached; renderPage adds the CSP to the pages. */
export async function noStore(ctx: Context, next: Next): Promise<void> {
  ctx.set('Cache-Control', 'no-store');
  await next();
}

/**
 * Around every response of oidc-provider. It writes two pages itself, each with an inline script
 * that submits a form at once: the form_post response (the code posted to the RP) and the logout
 * confirmation when there is no session. They get our CSP, and their script the response's nonce,
 * so that no page runs an inline script without one (set after oidc-provider wrote the page, so it
 * finds no script-src to add the script's sha256 to: the nonce is the one rule for every page).
 */
export async function providerPageHeaders(ctx: Context, next: Next): Promise<void> {
  await next();
  // JSON needs no CSP; a page rendered through our views has its own already. (The type compared as
  // a string: type-is's parsing, on every answer of the provider, showed in the profile of JWKS.)
  if (ctx.response.type !== 'text/html' || ctx.response.get('Content-Security-Policy')) return;
  const nonce = setCsp(ctx);
  if (typeof ctx.body === 'string') ctx.body = ctx.body.replaceAll('<script>', `<script nonce="${nonce}">`);
}
