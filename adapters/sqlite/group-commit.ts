import type { Database } from 'better-sqlite3';
import type { HoldCommit } from '../contract.js';
import { StoreUnavailableError } from '../errors.js';
import { isUnavailable } from './guard.js';

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes of many requests made in one transaction, so that one commit (one fsync, with
 * `synchronous = FULL`) serves them all. Under load the commits were most of the store's time, and
 * better-sqlite3 makes each on the event loop: every request in the process waited for every fsync.
 * A write joins the batch of the current turn of the event loop and runs at its end; its promise
 * settles once the batch is committed, so what a caller has been told is stored is on the disk.
 * Readers see only committed rows: a write is not visible before its promise resolves.
 *
 * A write may go ahead instead (writeAhead, for oidc-provider's upserts and deletions): a sign-in's
 * redirects made several writes one after another, and each waited for the end of a turn, that is
 * for every other request's work in it. When the caller's unit of work (the HTTP request) takes the
 * commit to wait for, the write's promise resolves at once and the request's response waits for the
 * commit instead; until then this connection's reads see the write (written-ahead.ts), other
 * connections do not.
 */
export class GroupCommit {
  private pending: Pending[] = [];

  /** `flushed` is called as each batch is done, committed or rolled back (written-ahead.ts forgets it then). */
  constructor(
    private readonly db: Database,
    private readonly holdCommit: HoldCommit | undefined,
    private readonly flushed: () => void,
  ) {}

  /** Runs `write` (synchronous statements) in the next batch; resolves with its result once committed. */
  write<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /**
   * `write`, resolved before its commit when the caller's unit of work takes the commit to wait for
   * (`ahead` is told of it, so that reads meanwhile see the write); otherwise the same as `write`.
   */
  writeAhead(write: () => void, ahead: (commit: Promise<void>) => void): Promise<void> {
    const commit = this.write(write);
    if (!this.holdCommit?.(commit)) return commit;
    ahead(commit);
    return Promise.resolve();
  }

  /**
   * Commits what is pending now (the connection's close calls it, so nothing asked for is dropped).
   * A write that throws one of our errors (a record already spent) fails alone, rolled back to its
   * own savepoint. A write or a commit that meets an outage (disk full, read-only file system)
   * fails the whole batch with StoreUnavailableError, as it would have failed each write alone.
   */
  flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.commitBatch(batch);
    } finally {
      this.flushed();
    }
  }

  private commitBatch(batch: Pending[]): void {
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          try {
            results.push({ ok: true, value: this.db.transaction(item.write)() });
          } catch (error) {
            if (isUnavailable(error)) throw error;
            results.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      const failure = isUnavailable(error) ? new StoreUnavailableError('sqlite', error) : error;
      for (const item of batch) item.reject(failure);
      return;
    }
    batch.forEach((item, i) => {
      const result = results[i]!;
      if (result.ok) item.resolve(result.value);
      else item.reject(result.error);
    });
  }
}
