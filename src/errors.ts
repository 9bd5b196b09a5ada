/**
 * The one family of facegate's errors, as jose's JOSEError is one family. Each has a stable
 * snake_case `code` that a caller, a test or the page's script can switch on; the HTTP `status` it
 * ends a request with; and `expose`: whether its message may be shown to whoever sent the request
 * (else they are told only that the service had a problem, and the error goes to the log).
 * Subclasses name their codes and add what their callers need (a file, a measured detail).
 */
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

export class FacegateError extends Error {
  readonly status: number;
  readonly expose: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    message: string,
    { status = 500, expose = status < 500, retryAfterSeconds, fields = {}, cause }: FacegateErrorOptions = {},
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.status = status;
    this.expose = expose;
    this.retryAfterSeconds = retryAfterSeconds;
    this.fields = fields;
  }
}
