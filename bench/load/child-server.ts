/**
 * facegate as an operator runs it: `node bin/facegate.js serve --config FILE` in a child process,
 * its JSON log lines kept in a file beside the config, ready when /healthz says so. It can be
 * stopped gracefully (SIGTERM) or killed outright (SIGKILL, a crash).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

let cli = fileURLToPath(new URL('../../../bin/facegate.js', import.meta.url));

/** Runs the facegate of another checkout (its bin/facegate.js, built): an A/B of two servers with one client. */
export function serveFrom(checkout: string): void {
  cli = join(checkout, 'bin', 'facegate.js');
}

export interface ServerConfig {
  issuer: string;
  port: number;
  storage: Record<string, unknown>;
  [key: string]: unknown;
}

export class ChildServer {
  private exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly configFile: string,
    readonly logFile: string,
    readonly origin: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ? null : code)));
  }

  /** Writes the config file and starts the server (its log: NAME.log beside it); resolves once /healthz answers 200. */
  static async start(name: string, configFile: string, config: ServerConfig): Promise<ChildServer> {
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    const logFile = join(dirname(configFile), `${name}.log`);
    const log = createWriteStream(logFile);
    const child = spawn(process.execPath, [cli, 'serve', '--config', configFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    const server = new ChildServer(name, configFile, logFile, `http://localhost:${config.port}`, child);
    await server.waitUntilHealthy();
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Runs `facegate VERB ...` against this server's configuration; its standard output. */
  static cli(configFile: string, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args, '--config', configFile], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
      });
      child.stderr!.on('data', (chunk) => {
        err += chunk;
      });
      child.once('exit', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`facegate ${args[0]} exited ${code}: ${err.trim()}`)),
      );
    });
  }

  /** SIGKILL: no shutdown code runs, whatever was in flight is cut off. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: requests in flight finish, the store closes. Resolves with the exit code. */
  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }

  /** The JSON lines it logged (other lines, such as the startup notes, left out). */
  logLines(): Record<string, unknown>[] {
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .flatMap((line) => {
        if (!line.startsWith('{')) return [];
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 120_000;
    let exited = false;
    void this.exited.then(() => {
      exited = true;
    });
    while (Date.now() < deadline && !exited) {
      const ok = await fetch(`${this.origin}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(200);
    }
    throw new Error(`${this.name} did not become healthy; see ${this.logFile}`);
  }
}
