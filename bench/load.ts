/**
 * Load and faults, against facegate run as in production (`facegate serve`, a child process), on
 * each store in turn (SQLite, Redis, PostgreSQL: each started here; one left out when not installed):
 *   1. N users (default 20) signing in over and over for S seconds (default 60): code + PKCE by
 *      openid-client, the face page, a face snapshot, the redirects, the code exchange, UserInfo,
 *      one refresh. Per-step p50/p95, failures by kind, the server's CPU and memory (/metrics).
 *   2. kill -9 in the middle of the same load (with re-enrolments in flight), restart on the same
 *      store: keys, accounts, templates, sessions and refresh tokens checked.
 * Then, once:
 *   3. Back-pressure (SQLite): 1 face worker, a queue of 1, 30 snapshots at once: 503 + Retry-After,
 *      then everyone signs in.
 *   4. Two instances on one Redis, and on one PostgreSQL: a sign-in started on one and finished on
 *      the other, an enrolment on one matched at once on the other.
 *   5. The steady load again with the liveness challenge on the first store: each sign-in asks for a
 *      challenge and sends a burst of 10 to 12 frames of the person turning their head.
 * The stores side by side: sign-ins per second and p50/p95 per step of phase 1.
 * Phases 1 to 4 have liveness off: one snapshot per attempt.
 *
 *   npm run bench:load [-- --users 20 --seconds 60 --kill-after 8 --stores sqlite,redis,postgres
 *                         --liveness-users 20 --liveness-queue N --phases 1,2,3,4,5 --json
 *                         --rate R --serve-from DIR]
 *   (--liveness-users 0 leaves phase 5 out; --liveness-queue sets its face.queueLength; --rate R
 *   makes phase 1 an open loop: R sign-ins a second started whatever the server's pace, the users'
 *   faces in turn; --serve-from runs the facegate of another built checkout, for an A/B with
 *   this bench as the one client)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type BackPressure, backPressure } from './load/back-pressure.js';
import { benchConfig } from './load/bench-config.js';
import { type BenchStore, STORE_NAMES, type StoreName, startBenchStore, storeTitle } from './load/bench-stores.js';
import { ChildServer, type ServerConfig, serveFrom } from './load/child-server.js';
import { type CrashRestart, crashAndRestart } from './load/crash-restart.js';
import type { User } from './load/load-run.js';
import { benchPeople, enrollAt, inviteLink } from './load/people.js';
import { RelyingParty } from './load/relying-party.js';
import { backPressureLines, crashLines, sideBySideLines, steadyLines, twoInstancesLines } from './load/report.js';
import { type SteadyLoad, steadyLoad, warmUp } from './load/steady-load.js';
import { headTurners } from './load/head-turns.js';
import { type TwoInstances, twoInstances } from './load/two-instances.js';
import { freePort } from '../test/support/free-port.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    'kill-after': { type: 'string', default: '8' },
    'liveness-users': { type: 'string' },
    'liveness-queue': { type: 'string' },
    stores: { type: 'string', default: STORE_NAMES.join(',') },
    phases: { type: 'string', default: '1,2,3,4,5' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    rate: { type: 'string' },
    'serve-from': { type: 'string' },
  },
});
const userCount = Number(values.users);
const seconds = Number(values.seconds);
const killAfter = Number(values['kill-after']);
const livenessUsers = Number(values['liveness-users'] ?? values.users);
/** face.queueLength for phase 5, when not the server's default. */
const livenessQueue = values['liveness-queue'] === undefined ? {} : { queueLength: Number(values['liveness-queue']) };
/** Phase 1's sign-ins started per second (an open loop), instead of users signing in over and over. */
const rate = values.rate === undefined ? undefined : Number(values.rate);
if (rate !== undefined && !(rate > 0)) {
  console.error(`--rate: "${values.rate}" is not a number of sign-ins a second above 0`);
  process.exit(2);
}
if (values['serve-from']) serveFrom(values['serve-from']);
const storeNames = values.stores.split(',').map((name) => name.trim());
/** The phases to run (an A/B of one figure need not wait for the others). */
const phases = new Set(values.phases.split(',').map((phase) => Number(phase.trim())));
for (const phase of phases) {
  if (!Number.isInteger(phase) || phase < 1 || phase > 5) {
    console.error(`--phases: "${values.phases}" is not a list of phases 1 to 5, such as 1,5`);
    process.exit(2);
  }
}
for (const name of storeNames) {
  if (!(STORE_NAMES as readonly string[]).includes(name)) {
    console.error(`--stores: "${name}" is not one of ${STORE_NAMES.join(', ')}`);
    process.exit(2);
  }
}

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
    `server: node bin/facegate.js serve on ${storeNames.join(', ')} in turn, 2 face workers, the default face queue, liveness off (phase 5: on); the users run in this process, on the same CPUs`,
  );

  const people = await benchPeople();
  const users: User[] = Array.from({ length: userCount }, (_, i) => {
    const person = people[i % people.length];
    return {
      accountId: person.accountId,
      frame: person.snapshots[Math.floor(i / people.length) % person.snapshots.length],
    };
  });
  const port = await freePort();
  const steadyRuns: { store: string; load: SteadyLoad['load'] }[] = [];
  const crashes: CrashRestart[] = [];
  const pairs: TwoInstances[] = [];
  let steadyFailed = false;

  /** Phases 1 and 2 on one store (those asked for). */
  const onStore = async (store: BenchStore) => {
    const title = storeTitle[store.name];
    const config = benchConfig(port, store.spec);
    progress(`${title}: starting facegate serve`);
    const server = await ChildServer.start(`load-${store.name}`, join(dir, `${store.name}.config.json`), config);
    servers.push(server);
    progress(`${title}: enrolling ${people.length} people through facegate invite links`);
    for (const person of people) await enrollAt(await inviteLink(server.configFile, person.accountId), person);
    const rp = await RelyingParty.discover(config.issuer);
    progress(`${title}: warm-up: each snapshot signs in once`);
    await warmUp(rp, users, [server.origin]);

    if (phases.has(1)) await phaseOne(server, rp, store);
    if (phases.has(2)) await phaseTwo(server, config, store);
    else await server.stop();
  };

  const phaseOne = async (server: ChildServer, rp: RelyingParty, store: BenchStore) => {
    const title = storeTitle[store.name];
    const who = rate === undefined ? `${userCount} users` : `${rate} sign-ins a second (${userCount} faces)`;
    progress(`${title}: 1. ${who} for ${seconds} s`);
    const steady = await steadyLoad(server, rp, users, seconds, rate);
    steadyRuns.push({ store: title, load: steady.load });
    steadyFailed ||=
      steady.load.wrongAccount > 0 ||
      Object.values(steady.load.failures).reduce((a, b) => a + b, 0) > steady.load.rateLimited;
    section(
      `1. ${title}: steady load, ${who} signing in for ${seconds} s`,
      `steadyLoad.${store.name}`,
      { ...steady, load: { ...steady.load, recent: undefined } },
      steadyLines(steady),
    );
  };

  const phaseTwo = async (server: ChildServer, config: ServerConfig, store: BenchStore) => {
    const title = storeTitle[store.name];
    progress(`${title}: 2. the same load, kill -9 after ${killAfter} s, restart`);
    const crash = await crashAndRestart(server, config, store.spec, users, people, killAfter);
    crashes.push(crash);
    servers.push(crash.restarted);
    section(
      `2. ${title}: kill -9 in the middle of the load, restart on the same store`,
      `crashRestart.${store.name}`,
      { ...crash, restarted: undefined, load: { ...crash.load, recent: undefined } },
      crashLines(crash),
    );
    const stopped = await crash.restarted.stop();
    say(`  the restarted server stopped on SIGTERM with exit code ${stopped}`);
  };

  for (const name of phases.has(1) || phases.has(2) ? (storeNames as StoreName[]) : []) {
    const store = await startBenchStore(name, dir, 'bench');
    if (typeof store === 'string') {
      section(`1-2. ${storeTitle[name]}`, `skipped.${name}`, store, [`skipped: ${store}`]);
      continue;
    }
    try {
      await onStore(store);
    } finally {
      await store.stop();
    }
  }

  let pressure: BackPressure | undefined;
  if (phases.has(3)) {
    progress('3. back-pressure: 1 worker, queue 1, 30 snapshots at once');
    const sqliteFile = join(dir, 'back-pressure.sqlite');
    const small = await ChildServer.start(
      'small-queue',
      join(dir, 'small-queue.json'),
      benchConfig(port, { type: 'sqlite', file: sqliteFile }, { workers: 1, queueLength: 1 }),
    );
    servers.push(small);
    for (const person of people) await enrollAt(await inviteLink(small.configFile, person.accountId), person);
    pressure = await backPressure(small, `http://localhost:${port}`, users);
    section(
      '3. Inference back-pressure: 1 face worker, queue of 1, 30 snapshots at once',
      'backPressure',
      pressure,
      backPressureLines(pressure),
    );
    await small.stop();
  }

  for (const name of ['redis', 'postgres'] as const) {
    if (!phases.has(4) || !storeNames.includes(name)) continue;
    progress(`4. two instances on one ${storeTitle[name]}`);
    const store = await startBenchStore(name, dir, 'pair');
    const pair: TwoInstances =
      typeof store === 'string'
        ? { skipped: store, steps: [], serverErrors: 0 }
        : await twoInstances(dir, people[0], store.spec).finally(() => store.stop());
    pairs.push(pair);
    section(`4. Two instances on one ${storeTitle[name]}`, `twoInstances.${name}`, pair, twoInstancesLines(pair));
  }

  const livenessStore = storeNames[0] as StoreName | undefined;
  if (phases.has(5) && livenessUsers > 0 && livenessStore) {
    const title = storeTitle[livenessStore];
    progress(`5. ${title}: animating the people's head turns (in this process, before the load)`);
    const { turners, left } = await headTurners(people);
    const liveUsers: User[] = Array.from({ length: turners.length ? livenessUsers : 0 }, (_, i) => ({
      accountId: turners[i % turners.length]!.accountId,
      frame: new Uint8Array(),
      headTurn: turners[i % turners.length],
    }));
    const store = await startBenchStore(livenessStore, dir, 'liveness');
    if (typeof store === 'string' || liveUsers.length === 0) {
      section('5. Liveness', 'liveness', { skipped: store }, [
        `skipped: ${typeof store === 'string' ? store : `no person's animated head turn passes (${left.join(', ')})`}`,
      ]);
    } else {
      try {
        // Enrolled with liveness off (the enrolment page's own challenge is not what is measured), then
        // served with it on, on the same store.
        const enrolling = await ChildServer.start(
          'liveness-enrol',
          join(dir, 'liveness-enrol.config.json'),
          benchConfig(port, store.spec),
        );
        for (const person of people) await enrollAt(await inviteLink(enrolling.configFile, person.accountId), person);
        await enrolling.stop();
        const config = benchConfig(port, store.spec, { liveness: 'challenge', ...livenessQueue });
        const server = await ChildServer.start('liveness', join(dir, 'liveness.config.json'), config);
        servers.push(server);
        const rp = await RelyingParty.discover(config.issuer);
        await warmUp(rp, liveUsers, [server.origin]);
        progress(`5. ${title}: ${liveUsers.length} users with the liveness challenge for ${seconds} s`);
        const live = await steadyLoad(server, rp, liveUsers, seconds);
        steadyFailed ||= live.load.wrongAccount > 0;
        section(
          `5. ${title}: steady load with the liveness challenge, ${liveUsers.length} users for ${seconds} s (bursts of 10 to 12 frames; face queue ${livenessQueue.queueLength ?? 'default'})`,
          'liveness',
          { ...live, load: { ...live.load, recent: undefined }, animated: turners.map((t) => t.accountId), left },
          [
            `people whose animated head turn passes and who sign in here: ${turners.map((t) => t.accountId).join(', ')}${left.length ? `; left out (their animation fails the check): ${left.join(', ')}` : ''}`,
            ...steadyLines(live),
          ],
        );
        await server.stop();
      } finally {
        await store.stop();
      }
    }
  }

  section(
    `The stores side by side (phase 1: ${userCount} users, ${seconds} s each, one after the other; load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')})`,
    'sideBySide',
    steadyRuns.map(({ store, load }) => ({ store, signInsPerSecond: load.signIns / load.seconds, steps: load.steps })),
    sideBySideLines(steadyRuns),
  );

  if (values.json) console.log(JSON.stringify(report, null, 2));
  const failed =
    steadyFailed ||
    crashes.some((crash) => crash.checks.some((c) => !c.ok)) ||
    (pressure !== undefined && !pressure.allSignedIn) ||
    pairs.some((pair) => pair.steps.some((s) => !s.ok));
  process.exitCode = failed ? 1 : 0;
} finally {
  await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
  if (values.keep) progress(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
