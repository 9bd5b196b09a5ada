import { fileURLToPath } from 'node:url';
import type { Context } from 'koa';
import pug from 'pug';
import { en, type MessageKey } from '../src/messages/en.js';
import { CATALOGS } from '../src/messages/languages.js';
import { setPageHeaders } from './page-headers.js';
import type { Words } from './words.js';

/** The pug views, compiled once at start; they live beside the sources, not in dist/. */
const viewsFolder = fileURLToPath(new URL('../../interactions/views/', import.meta.url));
export const publicFolder = fileURLToPath(new URL('../../interactions/public/', import.meta.url));
/**
 * @simplewebauthn/browser's one-file bundle, served from the installed package as /static/webauthn/
 * (its ESM build spans subfolders): nothing is fetched from elsewhere when a page runs.
 */
export const webauthnBrowserFolder = fileURLToPath(
  new URL('../dist/bundle/', import.meta.resolve('@simplewebauthn/browser')),
);

const names = [
  'login',
  'enroll',
  'consent',
  'consent-again',
  'error',
  'logout',
  'logged-out',
  'account',
  'account-delete',
  'account-deleted',
] as const;
export type ViewName = (typeof names)[number];

const templates = new Map(names.map((name) => [name, pug.compileFile(`${viewsFolder}${name}.pug`)]));

/** The sentences the pages' scripts say themselves (public/words.js reads them from the page's body). */
const SCRIPT_KEYS = (Object.keys(en) as MessageKey[]).filter(
  (key) => key.startsWith('script.') || key.startsWith('passkey.script.'),
);

/** Those sentences as the catalog has them: the script fills the placeholders and picks the plural forms. */
function scriptWords(words: Words): string {
  // As JSON in an attribute, which pug escapes.
  return JSON.stringify(Object.fromEntries(SCRIPT_KEYS.map((key) => [key, CATALOGS[words.language][key]])));
}

/**
 * Answers with a view as an HTML page, in the language of `words`, with the page headers and a
 * nonce of its own for its scripts: every page we render goes through here, so none goes out
 * without its CSP. Locals are HTML-escaped by pug except where a view says otherwise (`!{form}`,
 * and `words.strong`, which escapes what it is given).
 */
export function renderPage(
  ctx: Pick<Context, 'set' | 'type' | 'body'>,
  name: ViewName,
  words: Words,
  locals: Record<string, unknown>,
): void {
  const nonce = setPageHeaders(ctx);
  ctx.set('Content-Language', words.language);
  ctx.type = 'html';
  ctx.body = templates.get(name)!({
    ...locals,
    nonce,
    lang: words.language,
    t: words.t,
    strong: (key: Parameters<Words['markup']>[0], values: Record<string, string>) => words.markup(key, values),
    markup: words.markup,
    scriptWords: scriptWords(words),
  });
}
