import Database from 'better-sqlite3';
import type { HoldCommit, Store } from '../contract.js';
import { defaultAuditRetention, type AuditRetention } from '../audit-retention.js';
import { oneAdapterPerModel } from '../one-adapter-per-model.js';
import { StoreUnavailableError } from '../errors.js';
import { sqliteAccountTokens } from './account-tokens.js';
import { sqliteAccounts } from './accounts.js';
import { sqliteAttempts } from './attempts.js';
import { sqliteAudit } from './audit.js';
import { sqliteConsents } from './consents.js';
import { createPrivately } from './file-modes.js';
import { sqliteGalleryChanges, type SqliteGalleryChanges } from './gallery-changes.js';
import { guard, mustReopen } from './guard.js';
import { sqliteInvitations } from './invitations.js';
import { sqliteKeys } from './keys.js';
import { migrate, schemaVersion } from './migrations.js';
import { GroupCommit } from './group-commit.js';
import { WrittenAhead } from './written-ahead.js';
import { sqliteOidcAdapter } from './oidc-adapter.js';
import { sqlitePasskeys } from './passkeys.js';
import { sqliteSweep } from './sweep.js';
import { sqliteTemplates } from './templates.js';

/** One open connection and the sub-stores prepared on it. */
function connect(
  file: string,
  busyTimeoutMs: number,
  auditRetention: AuditRetention,
  changes: SqliteGalleryChanges,
  { create, holdCommit }: { create: boolean; holdCommit: HoldCommit | undefined },
) {
  let db: Database.Database | undefined;
  try {
    // Made 0600 in a 0700 folder before SQLite opens it: its -wal and -shm follow the file's mode.
    if (create) createPrivately(file);
    // A reopen must find the file: on a file system not mounted yet it would make an empty one.
    db = new Database(file, { timeout: busyTimeoutMs, fileMustExist: !create });
    db.pragma('journal_mode = WAL');
    // FULL: every commit is on the disk before it returns. With NORMAL a WAL commit waits for the
    // next checkpoint; when ext4 was forced read-only (errors=remount-ro) the commits since the last
    // checkpoint were gone after the repair (measured: 50 of 50 rows lost; none with FULL). The
    // price, on this machine's disk: bench:load completes 16.9 sign-ins a second instead of 22.1.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Up to date: no write at open, so a read-only file system still serves reads.
    if (db.pragma('user_version', { simple: true }) !== schemaVersion) migrate(db);
  } catch (error) {
    if (db?.open) db.close();
    throw new StoreUnavailableError('sqlite', error);
  }
  const ahead = new WrittenAhead(holdCommit);
  const commits = new GroupCommit(db, holdCommit, () => ahead.forget());
  const probe = db.prepare('SELECT 1');
  // A write that changes no value: whether the file system takes writes now.
  const writeProbe = db.prepare('UPDATE revision SET value = value WHERE id = 1');
  return {
    db,
    adapterFor: oneAdapterPerModel((model) => sqliteOidcAdapter(db, model, commits, ahead)),
    accounts: sqliteAccounts(db, changes),
    templates: sqliteTemplates(db, changes),
    keys: sqliteKeys(db),
    invitations: sqliteInvitations(db),
    audit: sqliteAudit(db, auditRetention),
    attempts: sqliteAttempts(db),
    accountTokens: sqliteAccountTokens(db, commits),
    consents: sqliteConsents(db),
    passkeys: sqlitePasskeys(db),
    sweep: sqliteSweep(db, auditRetention),
    ping: () =>
      guard(() => {
        probe.get();
      }),
    writable(): boolean {
      try {
        writeProbe.run();
        return true;
      } catch {
        return false;
      }
    },
    close(): void {
      // A broken file system may refuse the checkpoint at close: the connection is closed anyway.
      try {
        if (db.open) commits.flush();
        if (db.open) db.close();
      } catch {
        /* closed */
      }
    },
  };
}

type Connection = ReturnType<typeof connect>;

/**
 * The embedded default: one file in WAL mode, so readers never wait for the writer and several
 * processes on one machine may share it. Writes wait up to `busyTimeoutMs` for the lock.
 * Expired rows are invisible at once (every read filters them); the sweep, every `sweepEveryMs`,
 * only reclaims their space.
 *
 * A fault the connection does not get over (guard.ts, mustReopen) closes it. Each later call then
 * opens the file, runs and closes it again, until a test write succeeds and the connection is
 * kept: meanwhile reads work where the file system allows them, writes get 503, and facegate holds
 * the file only during a call, so the operator can unmount, repair and mount it without
 * restarting facegate (a file system forced read-only after an error must be unmounted to heal).
 */
export function openSqliteStore(
  file: string,
  {
    busyTimeoutMs = 5000,
    sweepEveryMs = 60_000,
    revisionCheckEveryMs = 1000,
    auditRetention = defaultAuditRetention,
    holdCommit,
  }: {
    busyTimeoutMs?: number;
    sweepEveryMs?: number;
    revisionCheckEveryMs?: number;
    auditRetention?: AuditRetention;
    holdCommit?: HoldCommit;
  } = {},
): Store {
  const changes = sqliteGalleryChanges(file);
  const forgetIfBroken = (c: Connection, error: unknown) => {
    if (!mustReopen(error)) return;
    c.close();
    if (kept === c) kept = undefined;
  };
  const open = (create: boolean): Connection => {
    const c: Connection = connect(file, busyTimeoutMs, auditRetention, changes, {
      create,
      // A commit that a request waits for fails out of keeping()'s sight: it too drops a broken connection.
      holdCommit:
        holdCommit &&
        ((commit) => {
          if (!holdCommit(commit)) return false;
          commit.catch((error: unknown) => forgetIfBroken(c, error));
          return true;
        }),
    });
    return c;
  };
  let kept: Connection | undefined = open(true);
  let closed = false;

  const keeping = async <T>(c: Connection, operation: (c: Connection) => Promise<T>): Promise<T> => {
    try {
      return await operation(c);
    } catch (error) {
      forgetIfBroken(c, error);
      throw error;
    }
  };
  const run = async <T>(operation: (c: Connection) => Promise<T>): Promise<T> => {
    if (closed) throw new StoreUnavailableError('sqlite', new Error('the store is closed'));
    if (kept) return keeping(kept, operation);
    const c = open(false);
    if (c.writable()) return keeping((kept = c), operation);
    try {
      return await operation(c);
    } finally {
      c.close();
    }
  };
  // Callers keep `store.accounts` and the like for the server's life: each method call goes to the
  // connection of that moment. A stand-in has exactly the methods of the first connection's object
  // (plain objects of functions): no `then`, nothing invented. Every model's oidc adapter has the
  // same methods, so the first connection's Session adapter serves for all (the first connection
  // may be closed by the time another model is asked for).
  const first = kept;
  const delegate = <T>(like: object, pick: (c: Connection) => T): T =>
    Object.fromEntries(
      Object.keys(like).map((method) => [
        method,
        (...args: unknown[]) =>
          run((c) => (pick(c) as Record<string, (...a: unknown[]) => Promise<unknown>>)[method](...args)),
      ]),
    ) as T;
  const anyAdapter = first.adapterFor('Session');

  const timer = setInterval(() => {
    run((c) => guard(() => c.sweep(Date.now()))).catch(() => {
      /* retried at the next tick */
    });
  }, sweepEveryMs);
  timer.unref();

  return {
    backend: 'sqlite',
    adapterFor: oneAdapterPerModel((model) => delegate(anyAdapter, (c) => c.adapterFor(model))),
    accounts: delegate(first.accounts, (c) => c.accounts),
    templates: {
      ...delegate(first.templates, (c) => c.templates),
      follow: (listener) => changes.follow(() => run((c) => c.templates.revision()), listener, revisionCheckEveryMs),
    },
    keys: delegate(first.keys, (c) => c.keys),
    invitations: delegate(first.invitations, (c) => c.invitations),
    audit: delegate(first.audit, (c) => c.audit),
    attempts: delegate(first.attempts, (c) => c.attempts),
    accountTokens: delegate(first.accountTokens, (c) => c.accountTokens),
    consents: delegate(first.consents, (c) => c.consents),
    passkeys: delegate(first.passkeys, (c) => c.passkeys),
    ping: () => run((c) => c.ping()),
    async close() {
      closed = true;
      clearInterval(timer);
      kept?.close();
    },
  };
}
