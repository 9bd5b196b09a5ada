/** Errors a store rejects with: typed, with a stable `code` a caller or a test can match on. */
export abstract class StoreError extends Error {
  abstract readonly code: string;
}

/** The backend cannot be reached or cannot write (connection lost, disk full, database locked). */
export class StoreUnavailableError extends StoreError {
  readonly code = 'store_unavailable';
  constructor(backend: string, cause: unknown) {
    super(`the ${backend} store is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

export class AccountNotFoundError extends StoreError {
  readonly code = 'account_not_found';
  constructor(readonly accountId: string) {
    super(`no account "${accountId}"`);
    this.name = 'AccountNotFoundError';
  }
}
