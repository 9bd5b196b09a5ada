/**
 * Provider throughput: discovery, JWKS and the token endpoint (refresh_token grant of a
 * confidential client: store reads, an access token written, an ID token signed), measured for
 * a bare oidc-provider with its memory adapter, for facegate on SQLite (synchronous = FULL, the
 * only setting it has) and for facegate on Redis (a redis-server of its own, without persistence:
 * the token endpoint without any disk), side by side in one run. Each server runs in a child
 * process of its own; autocannon runs here. Without redis-server, the Redis column says so.
 *
 *   npm run bench:provider [-- --seconds 5 --connections 16 --rounds 3]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import Provider from 'oidc-provider';
import { pino } from 'pino';
import { validateConfig } from '../src/config/load.js';
import { percentile } from '../src/eval/percentile.js';
import { openStore } from '../adapters/open.js';
import { providerPages } from '../interactions/pages.js';
import { loadKeys } from '../src/keys/load.js';
import { providerConfiguration } from '../src/oidc/configuration.js';
import { startFacegate } from '../src/server/facegate.js';
import { RedisServer } from '../test/support/redis-server.js';

interface Target {
  name: string;
  port: number;
  refreshToken: string;
  /** The server's process, whose CPU time each run reads. */
  pid: number;
}
interface Measurement {
  perSecond: number;
  /** The server process's CPU time (user and system) per 1,000 answers: what a request costs, whatever else the machine runs. */
  cpuMsPer1000: number;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: object) => Promise<AutocannonResult>;

const secret = 'bench-client-secret-of-at-least-32-characters';
const client = {
  client_id: 'bench',
  client_secret: secret,
  redirect_uris: ['https://rp.example/cb'],
  grant_types: ['authorization_code', 'refresh_token'],
};

type Kind = 'bare' | 'facegate' | 'facegate-redis';

async function serve(kind: Kind, folder: string, redisUrl?: string): Promise<void> {
  const config = validateConfig(
    {
      issuer: 'http://localhost:0',
      port: 0,
      storage:
        kind === 'facegate-redis'
          ? { type: 'redis', url: redisUrl, keyPrefix: 'bench:' }
          : { type: 'sqlite', file: join(folder, `${kind}.sqlite`) },
      clients: [client],
    },
    'bench',
  );
  let provider: Provider;
  let port: number;
  if (kind !== 'bare') {
    // Logging as in production (info, one line per request), written to /dev/null.
    const facegate = await startFacegate(config, { logger: pino({ level: 'info' }, pino.destination('/dev/null')) });
    await facegate.store.accounts.upsert({ id: 'bench-user', name: 'Bench' });
    ({ provider, port } = facegate);
  } else {
    // The same oidc-provider configuration, with its memory adapter and a findAccount in memory.
    const store = await openStore(config.storage);
    const configuration = {
      ...providerConfiguration({ config, store, keys: await loadKeys(store.keys), pages: providerPages }),
      adapter: undefined,
    };
    configuration.findAccount = async (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, name: 'Bench' }) });
    await store.close();
    provider = new Provider(config.issuer, configuration);
    const server = provider.listen(0, 'localhost');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as { port: number }).port;
  }
  process.stdout.write(`${JSON.stringify({ name: kind, port, refreshToken: await mintRefreshToken(provider) })}\n`);
}

/** A refresh token as a sign-in would leave it (grant, scopes, acr/amr), minted in-process. */
async function mintRefreshToken(provider: Provider): Promise<string> {
  const found = await provider.Client.find('bench');
  const grant = new provider.Grant({ accountId: 'bench-user', clientId: 'bench' });
  grant.addOIDCScope('openid offline_access');
  const grantId = await grant.save();
  const token = new provider.RefreshToken({
    client: found!,
    accountId: 'bench-user',
    grantId,
    scope: 'openid offline_access',
    gty: 'authorization_code',
    authTime: Math.floor(Date.now() / 1000),
    acr: 'urn:facegate:acr:face',
    amr: ['face'],
  });
  return token.save();
}

/**
 * On a machine of two cores or more with `taskset`, autocannon keeps core 0 and the servers (one
 * measured at a time) core 1: unpinned, the two swap cores and share caches, and bare
 * oidc-provider's CPU per JWKS answer was 91 µs in one run and 137 in the next on this machine;
 * pinned, 80 to 102 over seven runs.
 */
function pinCores(): boolean {
  if (availableParallelism() < 2) return false;
  return spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' }).status === 0;
}

function startChild(
  kind: Kind,
  folder: string,
  redisUrl: string,
  pinned: boolean,
): Promise<{ child: ChildProcess; target: Target }> {
  const command = [process.execPath, fileURLToPath(import.meta.url), '--serve', kind, '--folder', folder];
  if (redisUrl) command.push('--redis', redisUrl);
  if (pinned) command.unshift('taskset', '-c', '1');
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve({ child, target: { ...JSON.parse(text.split('\n')[0]), pid: child.pid } });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

async function measure(target: Target, endpoint: string, seconds: number, connections: number): Promise<Measurement> {
  const base = `http://localhost:${target.port}`;
  const options =
    endpoint === 'token'
      ? {
          url: `${base}/token`,
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(`bench:${secret}`).toString('base64')}`,
          },
          body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: target.refreshToken }).toString(),
        }
      : { url: `${base}${endpoint === 'discovery' ? '/.well-known/openid-configuration' : '/jwks'}` };
  const cpuBefore = cpuMs(target.pid);
  const result = await autocannon({ ...options, duration: seconds, connections });
  const cpu = cpuMs(target.pid) - cpuBefore;
  if (result.non2xx || result.errors)
    throw new Error(`${target.name} ${endpoint}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { perSecond: result.requests.average, cpuMsPer1000: (1000 * cpu) / Math.max(1, result.requests.total) };
}

const fixed = (x: number, width: number) => x.toFixed(0).padStart(width);

/** CPU time a process has used so far, user and system, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      folder: { type: 'string' },
      redis: { type: 'string' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '16' },
      rounds: { type: 'string', default: '3' },
    },
  });
  if (values.serve) return serve(values.serve as Kind, values.folder!, values.redis || undefined);

  const folder = mkdtempSync(join(tmpdir(), 'facegate-bench-'));
  const children: ChildProcess[] = [];
  const redis = await RedisServer.start();
  try {
    const kinds: Kind[] = redis ? ['bare', 'facegate', 'facegate-redis'] : ['bare', 'facegate'];
    const pinned = pinCores();
    const servers = await Promise.all(kinds.map((kind) => startChild(kind, folder, redis?.url ?? '', pinned)));
    children.push(...servers.map((s) => s.child));
    const targets = servers.map((s) => s.target);
    const seconds = Number(values.seconds);
    const connections = Number(values.connections);
    const rounds = Number(values.rounds);
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    console.log(
      `autocannon, ${connections} connections, ${seconds} s per run, ${rounds} rounds (medians of the rounds' rates and of their ratios), servers in their own processes (Node ${process.version}), ${pinned ? 'autocannon on core 0 and the servers on core 1' : 'not pinned to cores (no taskset, or one core)'}; load average ${load}`,
    );
    console.log(
      `endpoint    bare oidc-provider (memory)   facegate (SQLite)   ratio   ${redis ? 'facegate (Redis)   ratio' : 'facegate (Redis): no redis-server here'}`,
    );
    for (const endpoint of ['discovery', 'jwks', 'token']) {
      // Warm each up (JIT, caches), then rounds of one after the other, the order turning each
      // round: on a shared machine the load drifts, and a ratio within a round sees the same load.
      for (const target of targets) await measure(target, endpoint, 1, connections);
      const perRound: Measurement[][] = [];
      for (let round = 0; round < rounds; round++) {
        const rates: Measurement[] = [];
        for (let k = 0; k < targets.length; k++) {
          const i = (k + round) % targets.length;
          rates[i] = await measure(targets[i], endpoint, seconds, connections);
        }
        perRound.push(rates);
      }
      const middle = (values: number[]) => percentile(values, 0.5);
      const rate = (i: number) => middle(perRound.map((rates) => rates[i].perSecond));
      const ratio = (i: number) => middle(perRound.map((rates) => rates[i].perSecond / rates[0].perSecond));
      const columns = targets.slice(1).map((_, k) => `${fixed(rate(k + 1), 15)} req/s   ${ratio(k + 1).toFixed(2)}`);
      console.log(`${endpoint.padEnd(11)} ${fixed(rate(0), 14)} req/s ${columns.join('  ')}`);
      // Bare's CPU per answer over ours: the ratio of the rates an idle machine would give, when the server is the bottleneck.
      const cpu = (i: number) => middle(perRound.map((rates) => rates[i].cpuMsPer1000));
      const cost = (i: number) => middle(perRound.map((rates) => rates[0].cpuMsPer1000 / rates[i].cpuMsPer1000));
      const cpuColumns = targets.slice(1).map((_, k) => `${fixed(cpu(k + 1), 15)} ms      ${cost(k + 1).toFixed(2)}`);
      console.log(`${'  CPU/1000'.padEnd(11)} ${fixed(cpu(0), 14)} ms    ${cpuColumns.join('  ')}`);
    }
  } finally {
    for (const child of children) child.kill();
    redis?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
