import { Redis, type ChainableCommander } from 'ioredis';
import { StoreError, StoreUnavailableError } from '../errors.js';

/**
 * One client per store. Commands fail fast while the connection is down (no offline queue, one
 * retry), so a request gets a 503 at once instead of hanging; the client keeps reconnecting in
 * the background and the next request succeeds once Redis is back. A Redis that keeps the
 * connection open but stops answering (stopped, or a network that drops packets) would hold a
 * command for ever: `commandTimeout` fails it instead.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    commandTimeout: 3000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Without a listener ioredis prints every reconnection failure; the failures reach callers as
  // rejected commands instead. The first one says why a connection at start failed (connect()
  // itself only says "Connection is closed.").
  let refused: unknown;
  redis.on('error', (error) => {
    refused ??= error;
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new StoreUnavailableError('redis', refused ?? error);
  }
  return redis;
}

/**
 * Errors a Lua script raises on purpose (`redis.error_reply('CODE')`; Redis 7 puts "ERR " before a
 * script's error) become typed errors; everything else is an outage.
 */
export async function guard<T>(
  operation: () => Promise<T>,
  scriptErrors: Record<string, () => StoreError> = {},
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const named = error instanceof Error ? scriptErrors[error.message.replace(/^ERR /, '')] : undefined;
    if (named) throw named();
    throw new StoreUnavailableError('redis', error);
  }
}

/** MULTI reports a failed command inside its result list instead of rejecting: surface it. */
export async function execAll(tx: ChainableCommander): Promise<unknown[]> {
  const results = await tx.exec();
  if (!results) throw new Error('the transaction was aborted');
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
