/**
 * The fuzz run: inputs for the snapshot and the token endpoints, alternately, one at a time, from
 * two seeded streams (the same seed, the same inputs), until a count or a deadline. Every answer is
 * counted by endpoint and status. A failure is a 5xx other than 503 busy, a request that gets no
 * answer (a connection reset or closed), or the server no longer answering /healthz or gone.
 */
import type { Agent } from '../load/agent.js';
import type { FuzzTarget } from './fuzz-target.js';
import { Prng } from '../../src/eval/prng.js';
import { imageSeeds, snapshotInput, type ImageSeeds } from './snapshot-inputs.js';
import { tokenInput, type TokenMaterial } from './token-inputs.js';

export interface FuzzOptions {
  seed: number;
  /** Stop after this many inputs of each endpoint... */
  perEndpoint?: number;
  /** ...or at this time (performance.now() milliseconds), whichever comes first. */
  deadline?: number;
}

export interface FuzzFailure {
  endpoint: 'snapshot' | 'token' | 'server';
  /** Which input of its stream (0-based), to replay it with the same seed. */
  index: number;
  input: string;
  what: string;
}

export interface FuzzReport {
  seed: number;
  inputs: { snapshot: number; token: number };
  seconds: number;
  /** endpoint -> "status error" -> count. */
  answers: { snapshot: Record<string, number>; token: Record<string, number> };
  failures: FuzzFailure[];
}

/** A sign-in page is used for this many inputs at most, then a new one is opened. */
const INPUTS_PER_PAGE = 4;
/** /healthz is asked this often, and after any failure. */
const HEALTH_EVERY = 50;

interface Answer {
  status: number;
  error?: string;
  body: Record<string, unknown>;
}

export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const seeds = await imageSeeds();
  const snapshots = new SnapshotStream(target, seeds, new Prng(options.seed));
  const tokens = new TokenStream(target, await target.material(), new Prng((options.seed ^ 0x9e3779b9) >>> 0));
  const report: FuzzReport = {
    seed: options.seed,
    inputs: { snapshot: 0, token: 0 },
    seconds: 0,
    answers: { snapshot: {}, token: {} },
    failures: [],
  };
  const limit = options.perEndpoint ?? Infinity;
  const deadline = options.deadline ?? Infinity;

  const record = async (endpoint: 'snapshot' | 'token', index: number, input: string, send: () => Promise<Answer>) => {
    let failed: string | undefined;
    try {
      const answer = await send();
      const key = `${answer.status}${answer.error ? ` ${answer.error}` : ''}`;
      report.answers[endpoint][key] = (report.answers[endpoint][key] ?? 0) + 1;
      const busy = answer.status === 503 && answer.error === 'busy';
      if (answer.status >= 500 && !busy) failed = `HTTP ${key}: ${JSON.stringify(answer.body).slice(0, 300)}`;
    } catch (error) {
      const e = error as Error & { cause?: { code?: string; message?: string } };
      if (!e.cause && e instanceof TypeError && /header/i.test(e.message)) {
        // fetch would not send it (a header value it refuses): nothing reached the server.
        report.answers[endpoint]['not sent'] = (report.answers[endpoint]['not sent'] ?? 0) + 1;
      } else {
        failed = `no answer: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
      }
    }
    if (failed) report.failures.push({ endpoint, index, input, what: failed });
    return failed !== undefined;
  };

  for (let i = 0; i < limit && performance.now() < deadline; i++) {
    let failed: boolean;
    try {
      failed = await record('snapshot', ...(await snapshots.next()));
      report.inputs.snapshot++;
      failed = (await record('token', ...(await tokens.next()))) || failed;
      report.inputs.token++;
    } catch (error) {
      // Opening a sign-in page or getting a fresh code failed: the server no longer serves a legitimate client.
      report.failures.push({
        endpoint: 'server',
        index: i,
        input: '',
        what: `preparing the next inputs failed: ${(error as Error).message}`,
      });
      failed = true;
    }
    if (failed || i % HEALTH_EVERY === HEALTH_EVERY - 1) {
      if (!target.alive || !(await target.healthy())) {
        report.failures.push({
          endpoint: 'server',
          index: i,
          input: '',
          what: target.alive ? '/healthz does not answer 200' : 'the server process is gone',
        });
        break;
      }
    }
  }
  if (!target.alive || !(await target.healthy()))
    report.failures.push({
      endpoint: 'server',
      index: report.inputs.snapshot,
      input: '',
      what: 'the server is down at the end',
    });
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** The report as the CLI prints it: inputs, answers by endpoint and status, then each failure. */
export function formatReport(r: FuzzReport): string {
  const lines = [
    `${r.inputs.snapshot + r.inputs.token} inputs in ${r.seconds.toFixed(1)} s (seed ${r.seed}): ${r.inputs.snapshot} snapshot, ${r.inputs.token} token`,
  ];
  for (const endpoint of ['snapshot', 'token'] as const) {
    const counts = Object.entries(r.answers[endpoint]).sort(([a], [b]) => a.localeCompare(b));
    lines.push(`  ${endpoint}: ${counts.map(([key, n]) => `${key} x${n}`).join(', ')}`);
  }
  lines.push(r.failures.length === 0 ? 'no failures' : `${r.failures.length} failures:`);
  for (const f of r.failures) lines.push(`  ${f.endpoint} #${f.index}: ${f.what}${f.input ? ` <- ${f.input}` : ''}`);
  return lines.join('\n');
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    body = { text: text.slice(0, 200) };
  }
  return { status: response.status, error: typeof body.error === 'string' ? body.error : undefined, body };
}

/** Snapshot inputs, each posted to a sign-in's face page as the page's script would (its cookies). */
class SnapshotStream {
  private page?: { agent: Agent; page: URL; challenge?: string };
  private used = 0;
  private index = 0;

  constructor(
    private readonly target: FuzzTarget,
    private readonly seeds: ImageSeeds,
    private readonly prng: Prng,
  ) {}

  async next(): Promise<[number, string, () => Promise<Answer>]> {
    // Whether the page asks for liveness comes from the stream, so the inputs stay the same for a seed.
    const liveness = this.prng.chance(0.25);
    if (!this.page || this.used >= INPUTS_PER_PAGE) {
      this.page = await this.target.facePage(liveness);
      this.used = 0;
    }
    this.used++;
    const { agent, page, challenge } = this.page;
    const input = snapshotInput(this.prng, this.seeds, challenge);
    const index = this.index++;
    const describe = `${input.kind} (${input.body.length} bytes, ${input.contentType || 'no type'})`;
    return [
      index,
      describe,
      async () => {
        const answer = await answerOf(
          await agent.request(new URL(`${page.pathname}/face`, page), {
            body: new Uint8Array(input.body),
            contentType: input.contentType,
            accept: 'application/json',
          }),
        );
        // An accepted face, an ended sign-in or a refusal of the page itself: the next input gets a new page.
        if (answer.status !== 200 || answer.body.status !== 'refused') this.used = INPUTS_PER_PAGE;
        return answer;
      },
    ];
  }
}

/** Token inputs, from live material kept fresh: a spent code is replaced, a new refresh token kept. */
class TokenStream {
  private index = 0;

  constructor(
    private readonly target: FuzzTarget,
    private readonly material: TokenMaterial,
    private readonly prng: Prng,
  ) {}

  async next(): Promise<[number, string, () => Promise<Answer>]> {
    const input = tokenInput(this.prng, this.material);
    const index = this.index++;
    const describe = `${input.kind} (${input.body.length} bytes, ${input.contentType || 'no type'}${input.authorization ? ', Authorization' : ''})`;
    return [
      index,
      describe,
      async () => {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (input.contentType) headers['content-type'] = input.contentType;
        if (input.authorization) headers.authorization = input.authorization;
        const response = await fetch(new URL('/token', this.target.origin), {
          method: 'POST',
          headers,
          body: new Uint8Array(input.body),
        });
        const answer = await answerOf(response);
        if (typeof answer.body.refresh_token === 'string') this.material.refreshToken = answer.body.refresh_token;
        if (input.spendsCode || answer.status === 200) Object.assign(this.material, await this.target.freshCode());
        return answer;
      },
    ];
  }
}
