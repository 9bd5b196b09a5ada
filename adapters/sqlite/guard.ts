import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../errors.js';

/**
 * SQLite's primary result codes that mean "the file cannot be written or read right now", not "this
 * request is wrong". Each was met on a real file system (test/store-faults.test.ts):
 * - SQLITE_FULL: the disk (or its quota) is full. The transaction is rolled back and the same
 *   connection writes again once there is space: nothing to reopen.
 * - SQLITE_IOERR (_WRITE, _FSYNC, _SHMSIZE, ...): the file system refuses writes, e.g. the kernel
 *   forced it read-only after an error (errors=remount-ro); reads from the cache still work.
 * - SQLITE_READONLY: the file was opened on a read-only file system (or read-only file).
 * - SQLITE_CANTOPEN: the file, its -wal or its -shm cannot be opened (folder gone, unmounted).
 * - SQLITE_BUSY, SQLITE_LOCKED: another writer held the lock past the busy timeout.
 * - SQLITE_NOMEM, SQLITE_PROTOCOL: out of memory; a WAL lock race lost too many times.
 * Any other code (a constraint, a type mismatch, bad SQL) is a bug of ours and stays a 500.
 */
const unavailableCodes = new Set([
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_NOMEM',
  'SQLITE_PROTOCOL',
]);

/** SQLITE_IOERR_WRITE -> SQLITE_IOERR: extended codes add a suffix to the primary one. */
function primaryCode(code: string): string {
  return code.split('_').slice(0, 2).join('_');
}

/** Whether a driver error means the store is unavailable (the one place that decides it for SQLite). */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof Database.SqliteError) return unavailableCodes.has(primaryCode(error.code));
  return error instanceof TypeError && /database connection is not open/.test(error.message);
}

/**
 * Of those, the faults a connection does not get over by itself: after an I/O error (a file system
 * forced read-only) it must be closed, or the file system cannot even be unmounted for repair; a
 * file opened read-only stays read-only; one that could not be opened must be opened again.
 * SQLITE_FULL, BUSY and LOCKED heal on the same connection.
 */
const reopenCodes = new Set(['SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);

/** Whether the connection that met `error` (or what it caused) should be closed and opened anew. */
export function mustReopen(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof Database.SqliteError) return reopenCodes.has(primaryCode(e.code));
  }
  return false;
}

/**
 * Runs one synchronous store operation, turning the driver's outage failures (disk full, read-only
 * or failing file system, locked, closed connection) into StoreUnavailableError; our own typed
 * errors and our bugs pass through.
 */
export async function guard<T>(operation: () => T): Promise<T> {
  try {
    return operation();
  } catch (error) {
    if (isUnavailable(error)) throw new StoreUnavailableError('sqlite', error);
    throw error;
  }
}
