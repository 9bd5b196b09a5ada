/** The bench's report as text lines, one section per phase (the JSON report is the same data). */
import type { BackPressure } from './back-pressure.js';
import type { CrashRestart } from './crash-restart.js';
import type { LoadResult } from './load-run.js';
import type { LogFindings } from './server-log.js';
import { STEPS } from './sign-in-flow.js';
import type { SteadyLoad } from './steady-load.js';
import type { TwoInstances } from './two-instances.js';

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '-');
const entries = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';
const mark = (ok: boolean) => (ok ? 'ok  ' : 'FAIL');

function steps(load: LoadResult): string[] {
  return [
    `  step        n      p50      p95      max`,
    ...STEPS.map((s) => {
      const t = load.steps[s];
      return `  ${s.padEnd(10)} ${String(t.n).padStart(5)} ${ms(t.p50).padStart(8)} ${ms(t.p95).padStart(8)} ${ms(t.max).padStart(8)}`;
    }),
  ];
}

/** Per step, where its time went (means): the server's parts, the rest of the server's time, and outside it. */
function serverSplit(load: LoadResult): string[] {
  const cell = (x: number) => ms(x).padStart(9);
  return [
    `  where the time goes (mean per sign-in; "other" is the server's time beyond its queue, inference and store; "outside" the bench's HTTP client and the network)`,
    `  step          server    queue inference    store    other  outside`,
    ...STEPS.map((s) => {
      const t = load.server[s];
      const other = t.total - t.queue - t.inference - t.store;
      return `  ${s.padEnd(10)} ${[t.total, t.queue, t.inference, t.store, other, t.outside].map(cell).join('')}`;
    }),
  ];
}

function log(findings: LogFindings): string {
  return `server log: ${findings.requests} requests; 5xx other than busy: ${entries(findings.serverErrors)}; error lines: ${entries(findings.errorLines)}; lines without request id: ${findings.linesWithoutRequestId}`;
}

export function steadyLines(r: SteadyLoad): string[] {
  const { load, server } = r;
  return [
    `${load.users} users, ${load.seconds.toFixed(0)} s: ${load.signIns} sign-ins completed (${(load.signIns / load.seconds).toFixed(1)}/s), wrong account ${load.wrongAccount}`,
    `failures: ${entries(load.failures)} (attempt-limit refusals among them: ${load.rateLimited}); busy answers retried after Retry-After: ${load.busyRetries}`,
    ...steps(load),
    ...serverSplit(load),
    `server attempts by result (/metrics): ${entries(r.attempts)}; face engine ${ms(r.inferenceMeanMs)} per image (mean)`,
    `server CPU ${(server.cpuCores * 100).toFixed(0)}% of one core (${server.cpuCores.toFixed(2)} cores); RSS ${server.rssMb.start} MB at start, ${server.rssMb.peak} MB peak, ${server.rssMb.end} MB at end; face queue at most ${server.queueDepthMax} waiting, ${server.busyWorkersMax} workers busy (${server.samples} samples)`,
    `the bench's own CPU (the users' HTTP, PKCE, JWT checks) ${(r.benchCpuCores * 100).toFixed(0)}% of one core, on the same machine`,
    log(r.log),
  ];
}

export function crashLines(r: CrashRestart): string[] {
  return [
    `killed (SIGKILL) after ${r.killedAfterSeconds} s of load: ${r.load.signIns} sign-ins completed before, ${r.reEnrollmentsBeforeKill} re-enrolments (template replacements) done`,
    `failures before the kill: ${entries(r.load.failures)}; requests in flight cut off by the kill: ${entries(r.cutOffByKill)}`,
    log(r.logBeforeKill),
    `the store after the kill: integrity ${r.database.integrity}, ${r.database.accounts} accounts, ${r.database.keys} keys, oidc records ${entries(r.database.oidcRecords)}`,
    `restarted on the same store in ${r.restartSeconds.toFixed(1)} s`,
    ...r.checks.map((c) => `  ${mark(c.ok)} ${c.name}: ${c.detail}`),
  ];
}

export function backPressureLines(r: BackPressure): string[] {
  return [
    `${r.clients} snapshots at once to 1 face worker with a queue of 1: ${entries(r.firstAnswers)}`,
    `  ${mark(r.retryAfterOnEvery503)} every 503 says Retry-After (${r.retryAfterSeconds.join(', ')} s); busy answered in ${ms(r.busyAnswerMs.p50)} (p50), ${ms(r.busyAnswerMs.max)} at most`,
    `  discovery answered meanwhile in ${r.discoveryDuringBurstMs.join(', ')} ms`,
    `  ${mark(r.allSignedIn)} after ${r.retryRounds} round(s) of retries every user signed in and exchanged the code`,
    `  ${mark(r.busyCounted === r.busyAnswers)} facegate_signin_attempts_total{result="busy"} went up by ${r.busyCounted}, for ${r.busyAnswers} busy answers seen`,
    `  ${log(r.log)}`,
  ];
}

export function twoInstancesLines(r: TwoInstances): string[] {
  if (r.skipped) return [`skipped: ${r.skipped}`];
  return [
    ...r.steps.map((s) => `  ${mark(s.ok)} ${s.name}: ${s.detail}`),
    `  5xx answers in both logs: ${r.serverErrors}`,
  ];
}

/** One row per store: sign-ins per second of the steady load, and p50/p95 of each step. */
export function sideBySideLines(runs: { store: string; load: LoadResult }[]): string[] {
  const header = `  ${'store'.padEnd(11)} ${'sign-ins/s'.padStart(10)}  ${STEPS.map((s) => `${s} p50/p95`.padStart(20)).join(' ')}`;
  return [
    header,
    ...runs.map(
      ({ store, load }) =>
        `  ${store.padEnd(11)} ${(load.signIns / load.seconds).toFixed(1).padStart(10)}  ${STEPS.map((s) =>
          `${ms(load.steps[s].p50)} / ${ms(load.steps[s].p95)}`.padStart(20),
        ).join(' ')}`,
    ),
  ];
}
