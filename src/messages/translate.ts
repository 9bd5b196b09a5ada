/**
 * A sentence in a language: the catalog's text for its key, with each {placeholder} replaced by its
 * value (numbers written the language's way). A counted sentence (keys `KEY#one`, `KEY#other`) is
 * asked for as KEY with a `count`, and takes the form Intl.PluralRules gives for that count.
 */
import type { MessageKey } from './en.js';
import { CATALOGS, type Language } from './languages.js';

/** A key without its plural suffix: what callers name. */
export type SentenceKey = MessageKey extends infer K ? (K extends `${infer Base}#${string}` ? Base : K) : never;
export type SentenceValues = Readonly<Record<string, string | number>>;

/** Something to say, in no language yet: what errors carry, so that each answer says it in the person's. */
export interface Sentence {
  readonly key: SentenceKey;
  readonly values?: SentenceValues;
}

export function say(key: SentenceKey, values?: SentenceValues): Sentence {
  return values ? { key, values } : { key };
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a catalog text names, sorted (for the test that the catalogs agree). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

function textOf(language: Language, key: SentenceKey, count: unknown): string {
  const catalog: Readonly<Record<string, string>> = CATALOGS[language];
  if (Object.hasOwn(catalog, key)) return catalog[key]!;
  const form = typeof count === 'number' ? new Intl.PluralRules(language).select(count) : 'other';
  return catalog[`${key}#${form}`] ?? catalog[`${key}#other`] ?? key;
}

export function translate(language: Language, key: SentenceKey, values: SentenceValues = {}): string {
  const numbers = new Intl.NumberFormat(language);
  return textOf(language, key, values.count).replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** Sentences said one after the other, in one language. */
export function sentencesIn(language: Language, sentences: readonly Sentence[]): string {
  return sentences.map((s) => translate(language, s.key, s.values)).join(' ');
}
