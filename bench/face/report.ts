/**
 * What `facegate bench --json` prints: one object. Other tools read it; the names below are the
 * contract (milliseconds as `_ms`, rates as `_per_s`), and fields are added, never renamed.
 */
import type { LatencySummary } from '../../test/support/latency-summary.js';
import type { LoadLatency, Refusals, StageLatency } from './engine-latency.js';
import type { FaceApiLatency } from './face-api/measure-face-api.js';
import type { Machine } from './machine.js';
import type { MatchScaling } from './match-scaling.js';
import type { AccuracyComparison } from './accuracy-comparison.js';
import type { BurstLatency } from './burst-latency.js';
import type { MixedArrivals } from './mixed-arrivals.js';

export interface FaceBenchReport {
  /** With the 1-minute load average before and after the run: other work on the machine skews every figure. */
  machine: Machine & { load_average_before: number; load_average_after: number };
  engine: { workers: number; detector: string; landmarks: boolean; embedder: string; mirror_fusion: boolean };
  /** Seconds each timed loop ran for (a loop also runs until it has a minimum number of samples). */
  seconds: number;
  frames: { source: string; made: number; used: number; refused: Refusals };
  /** Whole pipeline on 640x480 frames, one request at a time. */
  pipeline: LatencySummary;
  /** Per stage on 640x480 frames, one request at a time; match is the gallery of the frames' people. */
  stages: StageLatency;
  stages_gallery_accounts: number;
  /** Per stage on LFW images (250x250), or null without ../shared/lfw-dev. */
  lfw_stages: StageLatency | null;
  /** The LFW images cycled through, requests timed, and refusals among those requests. */
  lfw_images: { images: number; requests: number; refused: Refusals } | null;
  concurrency: { '1': LoadLatency; '2': LoadLatency };
  /** A 10-frame liveness burst's server time beside one frame's, whole and per stage (bench/face/burst-latency.ts). */
  burst: BurstLatency;
  /** Bursts and snapshots arriving at random on the workers: each kind's wait (bench/face/mixed-arrivals.ts). */
  arrivals: MixedArrivals;
  /** Resident set size of this process (the engine's worker threads included) once the models are loaded. */
  rss_mb: number;
  /** The same after every worker has analysed images (onnxruntime allocates its buffers on first use). */
  rss_after_warmup_mb: number;
  /** 1:N search for the two nearest accounts, as the engine's gallery runs it (1e6 with --large only). */
  match: MatchScaling['engine'];
  /** The gallery without a shortlister at the same sizes: its exact path (every row scored, then sorted); not at 1e6. */
  match_exact: MatchScaling['exact'];
  /** Per size: the gallery's load time and memory per account (synthetic templates). */
  match_cost: MatchScaling['cost'];
  /** Gallery size from which the engine's gallery uses the int8 shortlist. */
  shortlist_from: number;
  /** Length of the random templates the 1:N figures were measured on (the configured embedder's). */
  match_dims: number;
  face_api: FaceApiLatency | null;
  /** Why face_api is null, when it is. */
  face_api_skipped: string | null;
  /** face-api's p50 over ours, one request at a time on the same frames. */
  ratio_vs_face_api: number | null;
  /** Both pipelines on the same LFW pairs, or null without ../shared/lfw-dev. */
  accuracy: (AccuracyComparison & { source: string }) | null;
  /** What was absent or skipped, in words. */
  notes: string[];
  total_seconds: number;
}
