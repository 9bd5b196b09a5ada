/** redis-server processes of our own on loopback ports, for the benches and the tests. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

/** Whether redis-server can be started here. */
export function hasRedisServer(): boolean {
  return !spawnSync('redis-server', ['--version']).error;
}

/**
 * A redis-server on `port`, answering when this resolves; the caller stops it (by its pid).
 * `args` are more redis-server options (persistence, data folder).
 */
export async function startRedisServer(port: number, args: string[] = []): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', ...args], { stdio: 'ignore' });
  try {
    await waitForPing(`redis://127.0.0.1:${port}`);
  } catch (error) {
    child.kill();
    throw error;
  }
  return child;
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
      await sleep(50);
    } finally {
      client.disconnect();
    }
  }
  throw new Error(`redis-server did not answer at ${url}`);
}

/** A throwaway redis-server on a free loopback port, without persistence, stopped by its pid. */
export class RedisServer {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  /** Undefined when redis-server is not installed. */
  static async start(): Promise<RedisServer | undefined> {
    if (!hasRedisServer()) return undefined;
    const port = await freePort();
    return new RedisServer(
      `redis://127.0.0.1:${port}`,
      await startRedisServer(port, ['--save', '', '--appendonly', 'no']),
    );
  }

  stop(): void {
    if (this.child.pid) process.kill(this.child.pid);
  }
}
