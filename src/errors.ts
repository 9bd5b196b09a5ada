/**
 * The one family of facegate's errors, as jose's JOSEError is one family. Each has a stable
 * snake_case `code` that a caller, a test or the page's script can switch on; the HTTP `status` it
 * ends a request with; and `expose`: whether its message may be shown to whoever sent the request
 * (else they are told only that the service had a problem, and the error goes to the log).
 * Subclasses name their codes and add what their callers need (a file, a measured detail).
 * What the person is told is given as sentences of the catalogs (src/messages/), so that each
 * answer says it in the person's language; `message` is the English, for logs. A plain string
 * (oidc-provider's error_description, an operator's message) is said as it is.
 */
import { inEnglish, type Sentence } from './sentences.js';

export interface FacegateErrorOptions {
  /** 500 unless given. */
  status?: number;
  /** By default, a 4xx is exposed and a 5xx is not. */
  expose?: boolean;
  /** When to come back: a Retry-After header, and `retryAfter` in the JSON the pages read. */
  retryAfterSeconds?: number;
  /** More for the pages' scripts, beside the code and the message (attempts left, the frame refused). */
  fields?: Readonly<Record<string, unknown>>;
  cause?: unknown;
}

/** What an error tells the person: sentences to translate, or a text to say as it is. */
export type Said = string | Sentence | readonly Sentence[];

export class FacegateError extends Error {
  /** The message as sentences of the catalogs; undefined when it was given as plain text. */
  readonly sentences: readonly Sentence[] | undefined;
  readonly status: number;
  readonly expose: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    said: Said,
    { status = 500, expose = status < 500, retryAfterSeconds, fields = {}, cause }: FacegateErrorOptions = {},
  ) {
    const sentences = typeof said === 'string' ? undefined : [said].flat();
    super(sentences ? inEnglish(sentences) : (said as string), cause === undefined ? undefined : { cause });
    this.sentences = sentences;
    this.name = new.target.name;
    this.status = status;
    this.expose = expose;
    this.retryAfterSeconds = retryAfterSeconds;
    this.fields = fields;
  }

  /** What it tells the person, to be told again by another error (a refusal built on it). */
  get said(): Said {
    return this.sentences ?? this.message;
  }
}
