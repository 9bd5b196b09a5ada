/**
 * The language of a request, and its words: what the pages and the JSON answers say, from the
 * catalogs (src/messages/). A sign-in's language is the authorization request's `ui_locales` (kept
 * on the interaction), else the browser's Accept-Language, else English; an enrolment page and the
 * pages oidc-provider renders use what they have of the same.
 */
import type { Context } from 'koa';
import { chooseLanguage, type Language } from '../src/messages/languages.js';
import {
  type Sentence,
  type SentenceKey,
  type SentenceValues,
  sentencesIn,
  translate,
} from '../src/messages/translate.js';
import type { FacegateError } from '../src/errors.js';

/** Where a request's language is kept once chosen (detailsFor refines it with the interaction's ui_locales). */
interface LanguageState {
  language?: Language;
}

export function chooseFor(ctx: Pick<Context, 'get' | 'state'>, uiLocales?: unknown): Language {
  const language = chooseLanguage(uiLocales, ctx.get('Accept-Language'));
  (ctx.state as LanguageState).language = language;
  return language;
}

/** The language chosen for this request, or the browser's. */
export function languageOf(ctx: Pick<Context, 'get' | 'state'>): Language {
  return (ctx.state as LanguageState).language ?? chooseLanguage(undefined, ctx.get('Accept-Language'));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export class Words {
  constructor(readonly language: Language) {}

  t = (key: SentenceKey, values?: SentenceValues): string => translate(this.language, key, values);

  /**
   * As t, as HTML: the sentence escaped, each value escaped and put in a `tag` element (for a page:
   * "Signed in as <strong>alice</strong>", "until <time datetime=…>…</time>").
   */
  markup = (
    key: SentenceKey,
    values: Readonly<Record<string, string>>,
    tag = 'strong',
    attributes: Readonly<Record<string, string>> = {},
  ): string => {
    const marked = Object.fromEntries(Object.keys(values).map((name) => [name, `\uE000${name}\uE001`]));
    const open = [tag, ...Object.entries(attributes).map(([name, value]) => `${name}="${escapeHtml(value)}"`)].join(
      ' ',
    );
    return escapeHtml(this.t(key, marked)).replace(
      /\uE000(\w+)\uE001/g,
      (_, name: string) => `<${open}>${escapeHtml(values[name]!)}</${tag}>`,
    );
  };

  /** A moment, as the person's language writes it (UTC, said so: the page's script rewrites it in the browser's own time zone). */
  date = (at: number): string =>
    `${new Intl.DateTimeFormat(this.language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at)} UTC`;

  /** "a, b and c", the language's way. */
  list = (items: readonly string[]): string =>
    new Intl.ListFormat(this.language, { style: 'long', type: 'conjunction' }).format(items);

  sentences = (sentences: readonly Sentence[]): string => sentencesIn(this.language, sentences);

  /** What an error tells the person: its sentences in this language, or its text as it is. */
  said = (error: FacegateError): string => (error.sentences ? this.sentences(error.sentences) : error.message);
}

export function wordsFor(ctx: Pick<Context, 'get' | 'state'>): Words {
  return new Words(languageOf(ctx));
}
