import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../errors.js';

/**
 * Runs one synchronous store operation, turning the driver's failures (locked, disk full, I/O
 * error, closed connection) into StoreUnavailableError; our own typed errors pass through.
 */
export async function guard<T>(operation: () => T): Promise<T> {
  try {
    return operation();
  } catch (error) {
    if (error instanceof Database.SqliteError || isClosedConnection(error)) {
      throw new StoreUnavailableError('sqlite', error);
    }
    throw error;
  }
}

function isClosedConnection(error: unknown): boolean {
  return error instanceof TypeError && /database connection is not open/.test(error.message);
}
