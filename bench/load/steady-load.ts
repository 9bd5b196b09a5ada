/**
 * The steady load: every user's snapshot checked once (and the server warmed up), then all users
 * signing in over and over for the given time, the server watched through /metrics and its log.
 */
import type { ChildServer } from './child-server.js';
import { LoadRun, type LoadResult, type User } from './load-run.js';
import type { RelyingParty } from './relying-party.js';
import { readServerLog, type LogFindings } from './server-log.js';
import { ServerSampler, scrape, signInResults, type ServerFigures } from './server-sampler.js';
import { signIn } from './sign-in-flow.js';
import { sample } from '../../test/support/prometheus-text.js';

export interface SteadyLoad {
  load: LoadResult;
  server: ServerFigures;
  /** Sign-in attempts by result during the run, as the server counted them. */
  attempts: Record<string, number>;
  /** Mean face engine time per image (a snapshot, or a burst's frame) during the run, in ms. */
  inferenceMeanMs: number;
  /** CPU the bench itself used (the users' HTTP and JSON), in cores: it shares the machine. */
  benchCpuCores: number;
  log: LogFindings;
}

export async function warmUp(rp: RelyingParty, users: readonly User[], providers: string[]): Promise<void> {
  const seen = new Set<unknown>();
  for (const user of users) {
    const face = user.headTurn ?? user.frame;
    if (seen.has(face)) continue;
    seen.add(face);
    const { sub } = await signIn(rp, user.frame, { providers, headTurn: user.headTurn });
    if (sub !== user.accountId) throw new Error(`a snapshot of ${user.accountId} signed in as ${sub}`);
  }
}

export async function steadyLoad(
  server: ChildServer,
  rp: RelyingParty,
  users: readonly User[],
  seconds: number,
  rate?: number,
): Promise<SteadyLoad> {
  const before = await scrape(server.origin);
  const logFrom = server.logLines().length;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const sampler = new ServerSampler(server.origin);
  const load = await new LoadRun(rp, users, [server.origin], seconds, rate).finished();
  const figures = await sampler.stop();
  const benchCpuCores = cpuSeconds(process.cpuUsage(cpu)) / ((performance.now() - started) / 1000);
  const after = await scrape(server.origin);
  // A snapshot is analysed as `analyze`, a liveness burst's frame as `analyzeFrame`.
  const inference = (text: string) =>
    ['sum', 'count'].map((part) =>
      ['analyze', 'analyzeFrame']
        .map((operation) => sample(text, `facegate_inference_seconds_${part}{operation="${operation}"}`))
        .reduce((a, b) => a + b, 0),
    );
  const [sum0, n0] = inference(before);
  const [sum1, n1] = inference(after);
  return {
    load,
    server: figures,
    attempts: difference(signInResults(after), signInResults(before)),
    inferenceMeanMs: ((sum1! - sum0!) / (n1! - n0!)) * 1000,
    benchCpuCores,
    log: readServerLog(server.logLines().slice(logFrom)),
  };
}

function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => v !== 0),
  );
}
