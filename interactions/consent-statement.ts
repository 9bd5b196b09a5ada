/**
 * What the consent box stands for, in the person's words: what is kept, for how long, who runs the
 * service and how to have it deleted (the default statement), or the operator's own text; then the
 * policy's link and version. The enrolment page and the consent-again page show the same.
 */
import type { ConsentConfig } from '../src/config/types.js';
import type { Words } from './words.js';

export interface ConsentStatement {
  paragraphs: string[];
  policyUrl: string | null;
  version: string;
}

export interface StatementSettings {
  consent: ConsentConfig;
  issuer: string;
  /** face.retention.inactiveDays */
  inactiveDays: number | null;
}

/** The statement for a page in `words`' language; undefined when consent is not asked for. */
export function consentStatement(words: Words, settings: StatementSettings): ConsentStatement | undefined {
  const { consent, issuer, inactiveDays } = settings;
  if (!consent.required) return undefined;
  const operator = consent.operator ?? new URL(issuer).hostname;
  const paragraphs = consent.text
    ? consent.text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
    : [
        words.t('consent.face.kept'),
        inactiveDays === null
          ? words.t('consent.face.kept_until_deleted')
          : words.t('consent.face.kept_days', { count: inactiveDays }),
        words.t('consent.face.operator', { operator }),
        words.t('consent.face.delete', { operator }),
      ];
  return { paragraphs, policyUrl: consent.policyUrl, version: consent.version };
}
