/**
 * 1:N match time as the gallery grows: synthetic accounts (random unit templates, as long as the
 * configured embedder's) in one model's AccountIndex, searched for the two nearest accounts as a sign-in does.
 * Each size is measured twice: as the engine runs it (the int8 shortlist from SHORTLIST_FROM
 * accounts on, the exact scan below) and without a shortlister (the exact path at every size), for comparison.
 */
import { AccountIndex, SHORTLIST_FROM } from '../../src/face/match/account-index.js';
import { quantizedShortlister } from '../../src/face/match/quantized-index.js';
import { summarise, type LatencySummary } from '../../test/support/latency-summary.js';
import { timedLoop } from '../timed-loop.js';
import { RandomUnitVectors } from '../../test/support/random-templates.js';

export const GALLERY_SIZES = { '1e3': 1_000, '1e4': 10_000, '1e5': 100_000 } as const;
export type GallerySize = keyof typeof GALLERY_SIZES;

export interface MatchTiming extends LatencySummary {
  /** What the engine's gallery does at this size. */
  path: 'shortlist' | 'exact';
}

export interface MatchScaling {
  engine: Record<GallerySize, MatchTiming>;
  exact: Record<GallerySize, LatencySummary>;
  shortlistFrom: number;
  /** Length of the random templates. */
  dims: number;
}

const MODEL = 'bench-random';

/** `dims`: the length of the configured embedder's embeddings (search time grows with it). */
export async function measureMatchScaling(
  seconds: number,
  dims: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<MatchScaling> {
  const engine = {} as MatchScaling['engine'];
  const exact = {} as MatchScaling['exact'];
  const sizes = Object.entries(GALLERY_SIZES) as [GallerySize, number][];
  for (const [step, [label, accounts]] of sizes.entries()) {
    const random = new RandomUnitVectors(accounts, dims);
    const templates = Array.from({ length: accounts }, () => random.next());
    const enrolled = templates.map((embedding, i) => ({ accountId: `account-${i}`, embedding }));
    // Probes are new photos of enrolled people: near an account, not on it.
    const probes = Array.from({ length: 256 }, (_, i) => random.near(templates[(i * 7919) % accounts], 0.3));
    const asEngine = await AccountIndex.build(MODEL, 'euclidean', enrolled, { shortlister: quantizedShortlister });
    const scanOnly = await AccountIndex.build(MODEL, 'euclidean', enrolled);
    // Each loop gets a share of the time; a few hundred probes are plenty for p95 of a sub-millisecond search.
    const loop = { lanes: 1, seconds: seconds / 4, minSamples: 20, maxSamples: 1000 };
    engine[label] = {
      ...(await timeSearches(asEngine, probes, loop)),
      path: accounts >= SHORTLIST_FROM ? 'shortlist' : 'exact',
    };
    exact[label] = await timeSearches(scanOnly, probes, loop);
    onProgress(step + 1, sizes.length);
  }
  return { engine, exact, shortlistFrom: SHORTLIST_FROM, dims };
}

async function timeSearches(
  gallery: AccountIndex,
  probes: Float32Array[],
  loop: Parameters<typeof timedLoop>[2],
): Promise<LatencySummary> {
  // A first pass outside the clock: the JIT, and onnxruntime's first run of the shortlist graph.
  for (const probe of probes.slice(0, 8)) await gallery.nearestAccounts(probe, 2);
  const { samples } = await timedLoop(probes, (probe) => gallery.nearestAccounts(probe, 2), loop);
  return summarise(samples.map((s) => s.ms));
}
