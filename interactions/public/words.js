// The page's sentences for its scripts, in the page's language: the server puts them in the page
// (<body data-words>, JSON), keyed as in src/messages/; the answers of the
// server come in the same language, since every request says it (Accept-Language).
const language = document.documentElement.lang || 'en';
const catalog = JSON.parse(document.body.dataset.words || '{}');
const plurals = new Intl.PluralRules(language);
const numbers = new Intl.NumberFormat(language);

/** The sentence `key`, its {placeholders} filled; with a `count`, in the plural form the language uses for it. */
export function t(key, values = {}) {
  const text =
    catalog[key] ??
    (typeof values.count === 'number'
      ? (catalog[`${key}#${plurals.select(values.count)}`] ?? catalog[`${key}#other`])
      : undefined) ??
    key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : String(value);
  });
}

/** Headers that ask the server to answer in the page's language. */
export const languageHeaders = { 'Accept-Language': language };

/** Writes each <time datetime> of the page in the browser's own time zone (the server wrote it in UTC). */
export function localTimes() {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' });
  for (const time of document.querySelectorAll('time[datetime]')) {
    const at = new Date(time.dateTime);
    if (!Number.isNaN(at.getTime())) time.textContent = format.format(at);
  }
}
