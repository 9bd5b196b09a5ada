import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

/**
 * The Redis the tests use: `.ci/run` starts one and exports FACEGATE_TEST_REDIS_URL; without it,
 * a redis-server on PATH is started here on a free loopback port and stopped by its pid when the
 * run ends. Neither: the Redis tests are skipped, saying how to get one.
 */
export const redisMissing = 'Redis tests skipped: no FACEGATE_TEST_REDIS_URL and no redis-server on PATH (install it: apt-get install -y redis-server)';

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

/**
 * A redis-server of a test's own on a loopback port, answering when this resolves; the caller
 * stops it (by its pid). `args` are more redis-server options (persistence, data folder).
 */
export async function startRedisServer(port: number, args: string[] = []): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', ...args], { stdio: 'ignore' });
  await waitForPing(`redis://127.0.0.1:${port}`);
  return server;
}

/** Whether redis-server can be started here. */
export function hasRedisServer(): boolean {
  return !spawnSync('redis-server', ['--version']).error;
}

async function waitForPing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      client.disconnect();
    }
  }
  throw new Error(`redis-server did not answer at ${url}`);
}

after(() => {
  if (child?.pid) process.kill(child.pid);
});
