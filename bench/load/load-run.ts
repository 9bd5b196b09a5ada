/**
 * Simulated users signing in over and over, each with its own face snapshot, until a deadline or
 * until stopped: per-step times, failures by kind, and the last sign-ins (sessions and refresh
 * tokens to check after a crash).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../../src/eval/percentile.js';
import type { RelyingParty } from './relying-party.js';
import { signIn, StepFailure, STEPS, type SignedIn, type Step } from './sign-in-flow.js';
import type { HeadTurner } from './head-turns.js';
import { SPLIT_PARTS, type ServerSplit } from '../server-timing.js';

export interface User {
  /** The account this user's face belongs to. */
  accountId: string;
  frame: Uint8Array;
  /** With the liveness challenge: the person's head turns (the frame is then not used). */
  headTurn?: HeadTurner;
}

export interface LoadResult {
  users: number;
  seconds: number;
  signIns: number;
  /** Sign-ins whose ID token named another account than the face's: must be 0. */
  wrongAccount: number;
  busyRetries: number;
  /** "step: kind" -> count. */
  failures: Record<string, number>;
  rateLimited: number;
  steps: Record<Step, { n: number; p50: number; p95: number; max: number }>;
  /**
   * Per step, the mean ms of the server's time (Server-Timing's total), of its parts (queue for
   * a face worker, inference, store), and of the time outside the server (the bench's own HTTP
   * client and the network: the step's time minus the server's).
   */
  server: Record<Step, { total: number; queue: number; inference: number; store: number; outside: number }>;
  /** The newest sign-ins, newest last. */
  recent: SignedIn[];
}

const KEEP_RECENT = 40;

export class LoadRun {
  private stopped = false;
  private readonly timings = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  private readonly splits = Object.fromEntries(STEPS.map((s) => [s, [] as ServerSplit[]])) as Record<
    Step,
    ServerSplit[]
  >;
  private readonly failures: Record<string, number> = {};
  private readonly recent: SignedIn[] = [];
  private signIns = 0;
  private wrongAccount = 0;
  private busyRetries = 0;
  private rateLimited = 0;
  private readonly started = performance.now();
  private readonly done: Promise<void>;

  private readonly users: number;

  /**
   * Each user signs in over and over (a closed loop), or, with `rate`, sign-ins start at that many a
   * second whatever the server's pace (an open loop: arrivals at random, exponential gaps, the
   * users' faces in turn). In a closed loop on a saturated machine, time one step saves is spent
   * waiting at the busiest one; at a fixed rate below saturation each step's times are its own.
   */
  constructor(
    rp: RelyingParty,
    users: readonly User[],
    providers: string[],
    private readonly seconds: number,
    rate?: number,
  ) {
    this.users = users.length;
    const deadline = this.started + seconds * 1000;
    const attempt = async (user: User): Promise<void> => {
      try {
        const result = await signIn(rp, user.frame, { providers, headTurn: user.headTurn });
        this.record(result, user);
      } catch (error) {
        if (this.stopped) return;
        const failure = error instanceof StepFailure ? error : new StepFailure('authorize', (error as Error).message);
        const key = `${failure.step}: ${failure.kind}`;
        this.failures[key] = (this.failures[key] ?? 0) + 1;
        if (failure.rateLimited) this.rateLimited++;
        // Not a hot loop against a server that is down.
        await sleep(250);
      }
    };
    if (rate !== undefined) {
      this.done = this.arrivals(users, rate, deadline, attempt);
      return;
    }
    this.done = Promise.all(
      users.map(async (user) => {
        while (!this.stopped && performance.now() < deadline) await attempt(user);
      }),
    ).then(() => undefined);
  }

  private async arrivals(
    users: readonly User[],
    rate: number,
    deadline: number,
    attempt: (user: User) => Promise<void>,
  ): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    let next = performance.now();
    for (let i = 0; !this.stopped && next < deadline; i++) {
      const started = attempt(users[i % users.length]!).finally(() => inFlight.delete(started));
      inFlight.add(started);
      next += (-Math.log(1 - Math.random()) / rate) * 1000;
      await sleep(Math.max(0, next - performance.now()));
    }
    await Promise.all(inFlight);
  }

  /** Stops starting sign-ins; those in flight are abandoned (the crash phase). */
  stop(): void {
    this.stopped = true;
  }

  /** The sign-ins completed so far, newest last (while the run goes on). */
  completed(): readonly SignedIn[] {
    return this.recent;
  }

  async finished(): Promise<LoadResult> {
    await this.done;
    return this.result();
  }

  /** The result now, without waiting for sign-ins in flight (after a crash they never end). */
  result(): LoadResult {
    const seconds = Math.min(this.seconds, (performance.now() - this.started) / 1000);
    const steps = Object.fromEntries(
      STEPS.map((step) => {
        const values = this.timings[step];
        return [
          step,
          { n: values.length, p50: percentile(values, 0.5), p95: percentile(values, 0.95), max: Math.max(...values) },
        ];
      }),
    ) as LoadResult['steps'];
    return {
      users: this.users,
      seconds,
      signIns: this.signIns,
      wrongAccount: this.wrongAccount,
      busyRetries: this.busyRetries,
      failures: { ...this.failures },
      rateLimited: this.rateLimited,
      steps,
      server: Object.fromEntries(
        STEPS.map((step) => [step, meanSplit(this.splits[step], this.timings[step])]),
      ) as LoadResult['server'],
      recent: [...this.recent],
    };
  }

  private record(result: SignedIn, user: User): void {
    if (this.stopped) return;
    this.signIns++;
    this.busyRetries += result.busyRetries;
    if (result.sub !== user.accountId) this.wrongAccount++;
    for (const step of STEPS) {
      this.timings[step].push(result.timings[step]);
      this.splits[step].push(result.server[step]);
    }
    this.recent.push(result);
    if (this.recent.length > KEEP_RECENT) this.recent.shift();
  }
}

function meanSplit(splits: readonly ServerSplit[], times: readonly number[]): LoadResult['server'][Step] {
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const total = mean(splits.map((s) => s.total));
  const parts = Object.fromEntries(SPLIT_PARTS.map((part) => [part, mean(splits.map((s) => s[part]))])) as Record<
    (typeof SPLIT_PARTS)[number],
    number
  >;
  return { total, ...parts, outside: mean(times) - total };
}
