/**
 * Load and faults, against facegate run as in production (`facegate serve`, a child process) on a
 * temporary SQLite file:
 *   1. N users (default 20) signing in over and over for S seconds (default 60): code + PKCE by
 *      openid-client, the face page, a face snapshot, the redirects, the code exchange, UserInfo,
 *      one refresh. Per-step p50/p95, failures by kind, the server's CPU and memory (/metrics).
 *   2. kill -9 in the middle of the same load (with re-enrolments in flight), restart on the same
 *      file: keys, accounts, templates, sessions and refresh tokens checked.
 *   3. Back-pressure: 1 face worker, a queue of 1, 30 snapshots at once: 503 + Retry-After, then
 *      everyone signs in.
 *   4. Two instances on one Redis: a sign-in started on one and finished on the other.
 * Liveness is off: one snapshot per attempt (see README).
 *
 *   npm run bench:load [-- --users 20 --seconds 60 --kill-after 8 --json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backPressure } from './load/back-pressure.js';
import { benchConfig } from './load/bench-config.js';
import { ChildServer } from './load/child-server.js';
import { crashAndRestart } from './load/crash-restart.js';
import type { User } from './load/load-run.js';
import { benchPeople, enrollAt, inviteLink } from './load/people.js';
import { RelyingParty } from './load/relying-party.js';
import { backPressureLines, crashLines, steadyLines, twoInstancesLines } from './load/report.js';
import { steadyLoad, warmUp } from './load/steady-load.js';
import { twoInstances } from './load/two-instances.js';
import { freePort } from '../test/support/free-port.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    'kill-after': { type: 'string', default: '8' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const userCount = Number(values.users);
const seconds = Number(values.seconds);
const killAfter = Number(values['kill-after']);

const report: Record<string, unknown> = {};
const say = (line = '') => {
  if (!values.json) console.log(line);
};
const progress = (line: string) => process.stderr.write(`[bench:load] ${line}\n`);
const section = (title: string, key: string, data: unknown, lines: string[]) => {
  report[key] = data;
  say(`\n${title}`);
  for (const line of lines) say(`  ${line}`);
};

const dir = mkdtempSync(join(tmpdir(), 'facegate-bench-load-'));
const servers: ChildServer[] = [];
try {
  const machine = {
    cpus: availableParallelism(),
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    node: process.version,
  };
  report.machine = machine;
  say(
    `facegate bench:load: ${userCount} users, ${seconds} s; machine ${machine.cpus} CPUs, load average ${machine.loadAverage.join(' ')}, Node ${machine.node}`,
  );
  say(
    `server: node bin/facegate.js serve, SQLite, 2 face workers, queue 16, liveness off; the users run in this process, on the same CPUs`,
  );

  const sqliteFile = join(dir, 'facegate.sqlite');
  const port = await freePort();
  const config = benchConfig(port, { type: 'sqlite', file: sqliteFile });
  progress('starting facegate serve');
  const server = await ChildServer.start('load', join(dir, 'facegate.config.json'), config);
  servers.push(server);
  const people = await benchPeople();
  progress(`enrolling ${people.length} people through facegate invite links`);
  for (const person of people) await enrollAt(await inviteLink(server.configFile, person.accountId), person);
  const users: User[] = Array.from({ length: userCount }, (_, i) => {
    const person = people[i % people.length];
    return {
      accountId: person.accountId,
      frame: person.snapshots[Math.floor(i / people.length) % person.snapshots.length],
    };
  });
  const rp = await RelyingParty.discover(config.issuer);
  progress('warm-up: each snapshot signs in once');
  await warmUp(rp, users, [server.origin]);

  progress(`1. ${userCount} users for ${seconds} s`);
  const steady = await steadyLoad(server, rp, users, seconds);
  section(
    `1. Steady load: ${userCount} users signing in for ${seconds} s`,
    'steadyLoad',
    { ...steady, load: { ...steady.load, recent: undefined } },
    steadyLines(steady),
  );

  progress(`2. the same load, kill -9 after ${killAfter} s, restart`);
  const crash = await crashAndRestart(server, config, sqliteFile, users, people, killAfter);
  servers.push(crash.restarted);
  section(
    '2. kill -9 in the middle of the load, restart on the same file',
    'crashRestart',
    { ...crash, restarted: undefined, load: { ...crash.load, recent: undefined } },
    crashLines(crash),
  );
  const stopped = await crash.restarted.stop();
  say(`  the restarted server stopped on SIGTERM with exit code ${stopped}`);

  progress('3. back-pressure: 1 worker, queue 1, 30 snapshots at once');
  const small = await ChildServer.start(
    'small-queue',
    join(dir, 'small-queue.json'),
    benchConfig(port, { type: 'sqlite', file: sqliteFile }, { workers: 1, queueLength: 1 }),
  );
  servers.push(small);
  const pressure = await backPressure(small, config.issuer, users);
  section(
    '3. Inference back-pressure: 1 face worker, queue of 1, 30 snapshots at once',
    'backPressure',
    pressure,
    backPressureLines(pressure),
  );
  await small.stop();

  progress('4. two instances on one Redis');
  const pair = await twoInstances(dir, people[0]);
  section('4. Two instances on one Redis', 'twoInstances', pair, twoInstancesLines(pair));

  if (values.json) console.log(JSON.stringify(report, null, 2));
  const failed =
    steady.load.wrongAccount > 0 ||
    Object.values(steady.load.failures).reduce((a, b) => a + b, 0) > steady.load.rateLimited ||
    crash.checks.some((c) => !c.ok) ||
    !pressure.allSignedIn ||
    pair.steps.some((s) => !s.ok);
  process.exitCode = failed ? 1 : 0;
} finally {
  await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
  if (values.keep) progress(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
