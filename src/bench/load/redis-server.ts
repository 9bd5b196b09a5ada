/** A throwaway redis-server on a loopback port, without persistence, stopped by its pid. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../free-port.js';

export class RedisServer {
  private constructor(readonly url: string, private readonly child: ChildProcess) {}

  /** Undefined when redis-server is not installed. */
  static async start(): Promise<RedisServer | undefined> {
    if (spawnSync('redis-server', ['--version']).error) return undefined;
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const server = new RedisServer(`redis://127.0.0.1:${port}`, child);
    for (let attempt = 0; attempt < 100; attempt++) {
      const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.ping();
        return server;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        client.disconnect();
      }
    }
    server.stop();
    throw new Error(`redis-server did not answer at ${server.url}`);
  }

  stop(): void {
    if (this.child.pid) process.kill(this.child.pid);
  }
}
