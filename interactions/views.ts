import { fileURLToPath } from 'node:url';
import type { Context } from 'koa';
import pug from 'pug';
import { setPageHeaders } from './page-headers.js';

/** The pug views, compiled once at start; they live beside the sources, not in dist/. */
const viewsFolder = fileURLToPath(new URL('../../interactions/views/', import.meta.url));
export const publicFolder = fileURLToPath(new URL('../../interactions/public/', import.meta.url));

const names = ['login', 'enroll', 'consent', 'error', 'logout', 'logged-out'] as const;
export type ViewName = (typeof names)[number];

const templates = new Map(names.map((name) => [name, pug.compileFile(`${viewsFolder}${name}.pug`)]));

/**
 * Answers with a view as an HTML page, with the page headers and a nonce of its own for its
 * scripts: every page we render goes through here, so none goes out without its CSP. Locals are
 * HTML-escaped by pug except where a view says otherwise (`!{form}`).
 */
export function renderPage(
  ctx: Pick<Context, 'set' | 'type' | 'body'>,
  name: ViewName,
  locals: Record<string, unknown>,
): void {
  const nonce = setPageHeaders(ctx);
  ctx.type = 'html';
  ctx.body = templates.get(name)!({ ...locals, nonce });
}
