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

/** Sets the CSP with a new nonce, kept in ctx.state.cspNonce; returns the nonce. */
function setCsp(ctx: Pick<Context, 'set' | 'state'>): string {
  const nonce = randomBytes(16).toString('base64');
  ctx.state.cspNonce = nonce;
  ctx.set('Content-Security-Policy', pageCsp(nonce));
  return nonce;
}

/** Sets the page headers with a new nonce; returns the nonce. */
export function setPageHeaders(ctx: Pick<Context, 'set' | 'state'>): string {
  ctx.set('Cache-Control', 'no-store');
  return setCsp(ctx);
}

export async function pageHeaders(ctx: Context, next: Next): Promise<void> {
  setPageHeaders(ctx);
  await next();
}

/**
 * Around every response of oidc-provider. It writes two pages itself, each with an inline script
 * that submits a form at once: the form_post response (the code posted to the RP) and the logout
 * confirmation when there is no session. They get our CSP, and their script the response's nonce,
 * so that no page runs an inline script without one. (oidc-provider also adds the script's sha256
 * to a script-src it finds already set; the nonce keeps one rule for every page.) Pages it renders
 * through our views set a nonce of their own; JSON answers keep no CSP.
 */
export async function providerPageHeaders(ctx: Context, next: Next): Promise<void> {
  setCsp(ctx);
  await next();
  if (!ctx.response.is('html')) {
    ctx.remove('Content-Security-Policy');
    return;
  }
  // Only oidc-provider's bare `<script>` tags: ours are rendered with the nonce already.
  if (typeof ctx.body === 'string') ctx.body = ctx.body.replaceAll('<script>', `<script nonce="${ctx.state.cspNonce as string}">`);
}
