/**
 * The server's Server-Timing headers, read by the benches: one answer's stages, and the sum over
 * every answer of one step of a sign-in (a step may be several requests: the redirects are three).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** name -> milliseconds, from one Server-Timing header. */
export function parseServerTiming(header: string): Record<string, number> {
  return Object.fromEntries(
    header
      .split(',')
      .map((entry) => {
        const [name, ...params] = entry.trim().split(';');
        const dur = params.find((p) => p.startsWith('dur='));
        return [name!, Number(dur?.slice(4))];
      })
      .filter(([name, dur]) => name && Number.isFinite(dur)),
  );
}

/** Where a step's time went on the server (src/server/time-spent.ts), in ms, summed over its answers. */
export interface ServerSplit {
  /** Answers that carried the header. */
  answers: number;
  total: number;
  queue: number;
  inference: number;
  store: number;
}

export const SPLIT_PARTS = ['queue', 'inference', 'store'] as const;

const collecting = new AsyncLocalStorage<ServerSplit>();

/** Runs `run`, adding up the Server-Timing of every answer noted (noteServerTiming) while it runs. */
export async function withServerSplit<T>(run: () => Promise<T>): Promise<{ value: T; split: ServerSplit }> {
  const split: ServerSplit = { answers: 0, total: 0, queue: 0, inference: 0, store: 0 };
  const value = await collecting.run(split, run);
  return { value, split };
}

/** Adds this answer's Server-Timing to the step being collected, if any. */
export function noteServerTiming(response: Response): void {
  const split = collecting.getStore();
  const header = response.headers.get('server-timing');
  if (!split || !header) return;
  const timing = parseServerTiming(header);
  split.answers++;
  split.total += timing.total ?? 0;
  for (const part of SPLIT_PARTS) split[part] += timing[part] ?? 0;
}
