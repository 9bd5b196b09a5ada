import { FacegateError } from '../src/errors.js';

/** Errors a store rejects with: typed, with a stable `code` a caller or a test can match on. */
export abstract class StoreError extends FacegateError {}

/**
 * The backend cannot be reached or cannot write (connection lost, disk full, database locked):
 * a 503 (src/store-outage.ts says what the client is told).
 */
export class StoreUnavailableError extends StoreError {
  constructor(backend: string, cause: unknown) {
    super(
      'store_unavailable',
      `the ${backend} store is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        status: 503,
        cause,
      },
    );
  }
}

export class AccountNotFoundError extends StoreError {
  constructor(readonly accountId: string) {
    super('account_not_found', `no account "${accountId}"`, { status: 404 });
  }
}

/** A one-time record (an authorization code, a rotated refresh token) that another request has spent or revoked already. */
export class AlreadyConsumedError extends StoreError {
  constructor(
    readonly model: string,
    readonly id: string,
  ) {
    super('already_consumed', `this ${model} was already used or revoked`, { status: 400 });
  }
}
