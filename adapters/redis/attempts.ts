import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AttemptStore } from '../contract.js';
import { guard } from './connection.js';

// KEYS: the key's attempt set. ARGV: now, the newest `at` already out of the window, member, window ms.
// One script: forget what left the window, add this attempt, keep the set one window longer on
// Redis's clock (so an abandoned key goes by itself), count.
const recordScript = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return redis.call('ZCARD', KEYS[1])`;

/**
 * A sorted set per key, scored by the attempt's time. An attempt at `at` is within the window at
 * `now` while at > now - window. Members carry a random suffix, so two attempts of the same
 * millisecond are two members.
 */
export function redisAttempts(redis: Redis, prefix: string): AttemptStore {
  const attemptsKey = (key: string) => `${prefix}attempts:${key}`;

  return {
    record: (key, windowSeconds, now = Date.now()) =>
      guard(async () => {
        const windowMs = windowSeconds * 1000;
        const count = await redis.eval(
          recordScript,
          1,
          attemptsKey(key),
          now,
          now - windowMs,
          `${now}:${randomUUID()}`,
          Math.max(1, Math.ceil(windowMs)),
        );
        return Number(count);
      }),
    count: (key, windowSeconds, now = Date.now()) =>
      guard(async () => {
        return redis.zcount(attemptsKey(key), `(${now - windowSeconds * 1000}`, '+inf');
      }),
    oldestExpiry: (key, windowSeconds, now = Date.now()) =>
      guard(async () => {
        const windowMs = windowSeconds * 1000;
        const [, at] = await redis.zrangebyscore(
          attemptsKey(key),
          `(${now - windowMs}`,
          '+inf',
          'WITHSCORES',
          'LIMIT',
          0,
          1,
        );
        return at === undefined ? undefined : Number(at) + windowMs;
      }),
    newest: (key, windowSeconds, now = Date.now()) =>
      guard(async () => {
        const [, at] = await redis.zrevrangebyscore(
          attemptsKey(key),
          '+inf',
          `(${now - windowSeconds * 1000}`,
          'WITHSCORES',
          'LIMIT',
          0,
          1,
        );
        return at === undefined ? undefined : Number(at);
      }),
    clear: (key) =>
      guard(async () => {
        await redis.del(attemptsKey(key));
      }),
  };
}
