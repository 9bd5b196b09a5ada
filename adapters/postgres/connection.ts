import pg from 'pg';
import { StoreError, StoreUnavailableError } from '../errors.js';

/**
 * SQLSTATE classes and codes that mean "PostgreSQL cannot serve right now", not "this request is
 * wrong": a connection lost or refused (08), out of disk, memory or connections (53), the server
 * shutting down or starting (57P01 to 57P03), a statement cancelled (57014), an I/O error (58), a
 * read-only standby after a failover (25006). Any other code (a constraint, bad SQL) is a bug of
 * ours and stays a 500.
 */
const unavailableClasses = new Set(['08', '53', '58']);
const unavailableCodes = new Set(['57P01', '57P02', '57P03', '57014', '25006']);

/** Whether a driver error means the store is unavailable (the one place that decides it for PostgreSQL). */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // A SQLSTATE is five characters; anything else (ECONNREFUSED, a timeout, "Connection terminated")
  // comes from the socket or the driver: the server is not there.
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    return unavailableClasses.has(code.slice(0, 2)) || unavailableCodes.has(code);
  }
  return true;
}

/**
 * Runs one store operation, turning the driver's outage failures into StoreUnavailableError; our
 * own typed errors and our bugs pass through.
 */
export async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof StoreError || !isUnavailable(error)) throw error;
    throw new StoreUnavailableError('postgres', error);
  }
}

/** A schema name facegate accepts: written into SQL as an identifier, so nothing but these characters. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,53}$/;

/**
 * The connection settings every client of the store uses. A query fails after `queryTimeoutMs`
 * instead of waiting for a server that keeps the connection open but stopped answering; a
 * connection that cannot be made in 5 s fails; TCP keep-alive notices a peer that went away.
 * `search_path` puts the store's tables in its schema.
 */
export function clientConfig(url: string, schema: string, queryTimeoutMs = 3000): pg.ClientConfig {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a schema name facegate accepts (${SCHEMA_NAME})`);
  return {
    connectionString: url,
    connectionTimeoutMillis: 5000,
    query_timeout: queryTimeoutMs,
    keepAlive: true,
    options: `-c search_path=${schema}`,
  };
}

/**
 * A pool of connections. A connection that breaks is dropped and the next query opens a new one,
 * so the store heals by itself when PostgreSQL is back; while it is down every query fails at once
 * (or after the connection timeout), never queued for ever.
 */
export function createPool(url: string, schema: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(url, schema), max, idleTimeoutMillis: 30_000 });
  // An idle connection that PostgreSQL closes (restart, shutdown) emits an error here: without a
  // listener it would end the process. The pool drops it; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: unknown) => {
      broken = rollback;
    });
    throw error;
  } finally {
    // A connection whose rollback failed is in an unknown state: the pool closes it.
    client.release(broken instanceof Error ? broken : undefined);
  }
}

/** bigint columns come back as strings (they may exceed 2^53); epoch milliseconds do not. */
export const num = (value: string | number | null): number => Number(value);
