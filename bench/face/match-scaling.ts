/**
 * 1:N match time as the gallery grows: synthetic accounts (random unit templates, as long as the
 * configured embedder's) loaded into a Gallery as the server loads its store's templates at start,
 * searched for the two nearest accounts as a sign-in does. Each size is measured twice: as the
 * engine runs it (the int8 shortlist from SHORTLIST_FROM accounts on, the exact scan below) and
 * without a shortlister (the exact path at every size), for comparison. Each size also tells what
 * it costs to hold: the time the gallery took to load (templates grouped, fused, copied into one
 * matrix, quantised for the shortlist) and the memory it holds per account.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AccountIndex, SHORTLIST_FROM } from '../../src/face/match/account-index.js';
import { Gallery } from '../../src/face/match/gallery.js';
import { MemoryTemplateSource } from '../../src/face/match/memory-template-source.js';
import { quantizedShortlister } from '../../src/face/match/quantized-index.js';
import { summarise, type LatencySummary } from '../../test/support/latency-summary.js';
import { timedLoop } from '../timed-loop.js';
import { RandomUnitVectors } from '../../test/support/random-templates.js';

export const GALLERY_SIZES = { '1e3': 1_000, '1e4': 10_000, '1e5': 100_000 } as const;
/** Only with `facegate bench --large`: a million accounts take minutes and gigabytes. */
export const LARGE_GALLERY = { '1e6': 1_000_000 } as const;
export type GallerySize = keyof typeof GALLERY_SIZES;
export type LargeGallerySize = keyof typeof LARGE_GALLERY;

export interface MatchTiming extends LatencySummary {
  /** What the engine's gallery does at this size. */
  path: 'shortlist' | 'exact';
}

/** What a gallery of one size costs to hold. */
export interface GalleryCost {
  accounts: number;
  /** Gallery.load over the synthetic templates: what a start adds to reading them from the store. */
  load_ms: number;
  /** The JavaScript heap and array buffers the loaded gallery holds (the templates dropped), per account. */
  heap_bytes_per_account: number;
  /** The process's resident set growth while the gallery loaded, per account (onnxruntime's copy of the int8 shortlist included). */
  rss_bytes_per_account: number;
}

export interface MatchScaling {
  engine: Record<GallerySize, MatchTiming> & Partial<Record<LargeGallerySize, MatchTiming>>;
  exact: Record<GallerySize, LatencySummary> & Partial<Record<LargeGallerySize, LatencySummary>>;
  cost: Record<GallerySize, GalleryCost> & Partial<Record<LargeGallerySize, GalleryCost>>;
  shortlistFrom: number;
  /** Length of the random templates. */
  dims: number;
}

const MODEL = 'bench-random';

/** `dims`: the length of the configured embedder's embeddings (search time grows with it). `large`: a million accounts too. */
export async function measureMatchScaling(
  seconds: number,
  dims: number,
  onProgress: (done: number, total: number) => void = () => {},
  large = false,
): Promise<MatchScaling> {
  const engine = {} as MatchScaling['engine'];
  const exact = {} as MatchScaling['exact'];
  const cost = {} as MatchScaling['cost'];
  const sizes = Object.entries({ ...GALLERY_SIZES, ...(large ? LARGE_GALLERY : {}) }) as [
    GallerySize | LargeGallerySize,
    number,
  ][];
  for (const [step, [label, accounts]] of sizes.entries()) {
    const random = new RandomUnitVectors(accounts, dims);
    // Probes are new photos of enrolled people: near an account, not on it.
    const probes: Float32Array[] = [];
    const every = Math.max(1, Math.floor(accounts / 256));
    const source = new MemoryTemplateSource();
    for (let i = 0; i < accounts; i++) {
      const template = random.next();
      source.add(MODEL, `account-${i}`, template);
      if (i % every === 0) probes.push(random.near(template, 0.3));
    }
    // The templates are counted in `before`: the difference is what the gallery holds of its own.
    const before = memory();
    const t0 = performance.now();
    const gallery = await Gallery.load(source, [{ id: MODEL, metric: 'euclidean' }], {
      shortlister: quantizedShortlister,
    });
    const loadMs = performance.now() - t0;
    const after = memory();
    cost[label] = {
      accounts,
      load_ms: Math.round(loadMs),
      heap_bytes_per_account: Math.round((after.heap - before.heap) / accounts),
      rss_bytes_per_account: Math.round((after.rss - before.rss) / accounts),
    };
    const asEngine = gallery.index(MODEL)!;
    // Each loop gets a share of the time; a few hundred probes are plenty for p95 of a sub-millisecond search.
    const loop = { lanes: 1, seconds: seconds / 4, minSamples: 20, maxSamples: 1000 };
    engine[label] = {
      ...(await timeSearches(asEngine, probes, loop)),
      path: accounts >= SHORTLIST_FROM ? 'shortlist' : 'exact',
    };
    // The exact path at a million accounts is one the engine never takes, and another 2 GB: left out.
    if (label !== '1e6') {
      const scanOnly = await AccountIndex.build(MODEL, 'euclidean', await source.list(MODEL));
      exact[label] = await timeSearches(scanOnly, probes, loop);
    }
    onProgress(step + 1, sizes.length);
  }
  return { engine, exact, cost, shortlistFrom: SHORTLIST_FROM, dims };
}

/** The forced collector, so that memory figures count what is held rather than what is not collected yet. */
const collect: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function memory(): { heap: number; rss: number } {
  collect();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
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
