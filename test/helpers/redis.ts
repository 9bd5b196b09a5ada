import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hasRedisServer, startRedisServer } from '../support/redis-server.js';
import { freePort } from '../support/free-port.js';

/**
 * The Redis the tests use: `.ci/run` starts one and exports FACEGATE_TEST_REDIS_URL; without it,
 * a redis-server on PATH is started here on a free loopback port and stopped by its pid when the
 * run ends. Neither: the Redis tests are skipped, saying how to get one.
 */
export const redisMissing =
  'Redis tests skipped: no FACEGATE_TEST_REDIS_URL and no redis-server on PATH (install it: apt-get install -y redis-server)';

let started: Promise<string | undefined> | undefined;
let child: ChildProcess | undefined;

export function testRedisUrl(): Promise<string | undefined> {
  started ??= startRedis();
  return started;
}

/** A key prefix of its own for each store a test opens, so suites never see each other's keys. */
export function uniqueKeyPrefix(): string {
  return `facegate-test:${randomUUID()}:`;
}

async function startRedis(): Promise<string | undefined> {
  const fromEnvironment = process.env.FACEGATE_TEST_REDIS_URL;
  if (fromEnvironment) return fromEnvironment;
  if (!hasRedisServer()) return undefined;
  const port = await freePort();
  child = await startRedisServer(port, ['--save', '', '--appendonly', 'no']);
  return `redis://127.0.0.1:${port}`;
}

after(() => {
  if (child?.pid) process.kill(child.pid);
});
