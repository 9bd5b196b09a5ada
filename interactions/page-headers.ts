/**
 * The headers of the provider's own pages and their JSON answers: never cached (they show the
 * state of one sign-in), and a Content-Security-Policy that allows only this origin's scripts and
 * styles (no inline code), images also as data: (status icons) and blob: (enrolment thumbnails),
 * requests only to this origin, and no framing by other sites.
 */
import type { Context, Next } from 'koa';

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function setPageHeaders(ctx: Pick<Context, 'set'>): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Security-Policy', PAGE_CSP);
}

export async function pageHeaders(ctx: Context, next: Next): Promise<void> {
  setPageHeaders(ctx);
  await next();
}
