/**
 * The languages facegate speaks, and which one a person gets: the first of the authorization
 * request's `ui_locales` that we speak, else the best of the browser's Accept-Language, else
 * English. Tags are matched on their language alone ("de-CH" is German).
 */
import { de } from './de.js';
import { en, type Catalog } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

export const CATALOGS = { en, de, fr, es } as const satisfies Record<string, Catalog>;
export type Language = keyof typeof CATALOGS;
export const LANGUAGES = Object.keys(CATALOGS) as Language[];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: string): value is Language {
  return Object.hasOwn(CATALOGS, value);
}

/** The language of a BCP 47 tag that we speak ("fr-CA" gives fr), or undefined. */
function spoken(tag: string): Language | undefined {
  const language = tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return isLanguage(language) ? language : undefined;
}

/** `ui_locales`: space-separated tags, most preferred first (OpenID Connect Core 3.1.2.1). */
function fromUiLocales(uiLocales: unknown): Language | undefined {
  if (typeof uiLocales !== 'string') return undefined;
  for (const tag of uiLocales.split(' ')) {
    const language = tag && spoken(tag);
    if (language) return language;
  }
  return undefined;
}

/** Accept-Language: tags with optional q weights; the heaviest we speak (the first of equals), never one at q=0. */
function fromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { language: spoken(tag), q: q ? Number(q[1]) : 1, order };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.language;
}

export function chooseLanguage(uiLocales: unknown, acceptLanguage: string | undefined): Language {
  return fromUiLocales(uiLocales) ?? fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE;
}
