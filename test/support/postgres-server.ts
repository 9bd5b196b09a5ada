/**
 * PostgreSQL servers of our own, for the tests and the benches: a cluster made by initdb in a
 * temporary folder, started on a loopback port, stopped by its process id. PostgreSQL refuses to
 * run as root: as root, every PostgreSQL program runs as the `postgres` user (setpriv), which owns the folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from './free-port.js';

/** Debian's binaries, newest major version first; or PATH. */
function binaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions)
    if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  return spawnSync('initdb', ['--version']).error ? undefined : '';
}

const bin = binaries();
const asRoot = userInfo().uid === 0;

/** Whether a PostgreSQL server can be made and started here. */
export function hasPostgresServer(): boolean {
  return bin !== undefined && (!asRoot || !spawnSync('id', ['postgres']).status);
}

/** A PostgreSQL program's command line, as the postgres user when we are root. */
function command(program: string, args: string[]): [string, string[]] {
  const path = join(bin ?? '', program);
  return asRoot ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', path, ...args]] : [path, args];
}

function run(program: string, args: string[]): void {
  const [file, argv] = command(program, args);
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.error?.message}`);
}

export class PostgresServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly folder: string,
    readonly port: number,
  ) {}

  /** `postgresql://postgres@127.0.0.1:PORT/postgres` */
  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** A new cluster on a free port, answering when this resolves; undefined when PostgreSQL is not installed. */
  static async start(): Promise<PostgresServer | undefined> {
    if (!hasPostgresServer()) return undefined;
    const folder = mkdtempSync(join(tmpdir(), 'facegate-postgres-'));
    if (asRoot) spawnSync('chown', ['postgres:postgres', folder]);
    run('initdb', ['-D', join(folder, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const server = new PostgresServer(folder, await freePort());
    await server.resume();
    return server;
  }

  /** Starts the server on its folder and port again (after a stop or a crash), answering when this resolves. */
  async resume(): Promise<void> {
    const [file, argv] = command('postgres', [
      '-D',
      join(this.folder, 'data'),
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-k',
      this.folder,
    ]);
    let child = spawn(file, argv, { stdio: 'ignore' });
    this.child = child;
    for (let attempt = 0; attempt < 200; attempt++) {
      // After a kill -9 the old backends hold the shared memory for a moment: start again once they are gone.
      if (child.exitCode !== null) {
        await sleep(100);
        child = spawn(file, argv, { stdio: 'ignore' });
        this.child = child;
        continue;
      }
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 1000 });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch {
        await sleep(50);
      } finally {
        await client.end().catch(() => {});
      }
    }
    throw new Error(`postgres did not answer on port ${this.port}`);
  }

  /**
   * Stops the server and waits until it has gone. `fast` is a clean shutdown (SIGINT, `pg_ctl stop
   * -m fast`); `immediate` is `pg_ctl stop -m immediate` (SIGQUIT: no checkpoint, recovery at the
   * next start); `kill` is kill -9 of the postmaster.
   */
  async stop(mode: 'fast' | 'immediate' | 'kill' = 'fast'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // setpriv execs postgres: the child's pid is the postmaster's.
    child.kill(mode === 'fast' ? 'SIGINT' : mode === 'immediate' ? 'SIGQUIT' : 'SIGKILL');
    await exited;
  }

  /** Stops it and removes its folder. */
  async remove(): Promise<void> {
    await this.stop('immediate');
    rmSync(this.folder, { recursive: true, force: true });
  }
}
