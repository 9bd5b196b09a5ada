/** The bench report as a table to read (what `facegate bench` prints without --json). */
import type { LatencySummary } from '../../test/support/latency-summary.js';
import type { StageLatency } from './engine-latency.js';
import { BURST_STAGES, type BurstLatency, type BurstStage } from './burst-latency.js';
import type { MixedArrivals } from './mixed-arrivals.js';
import type { FaceBenchReport } from './report.js';

const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(8);
const cell = (s: LatencySummary | undefined) =>
  s
    ? `${ms(s.p50_ms)} ${ms(s.p95_ms)} ${String(s.n).padStart(6)}`
    : `${'-'.padStart(8)} ${'-'.padStart(8)} ${'-'.padStart(6)}`;
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const counts = (r: Partial<Record<string, number>>) =>
  Object.entries(r)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ') || 'none';

export function reportTable(r: FaceBenchReport): string {
  const e = r.engine;
  const lines = [
    `facegate bench: ${r.machine.model}, ${r.machine.cpus} CPUs, ${r.machine.memory_gb} GB, Node ${r.machine.node}; ${r.seconds} s per timed loop; ${r.total_seconds} s in all`,
    `load average (1 min) before ${r.machine.load_average_before}, after ${r.machine.load_average_after}: other work on the machine slows every figure`,
    `engine: ${e.workers} worker threads, ${e.detector}, ${e.landmarks ? '68 landmarks' : 'detector keypoints'}, ${e.embedder}${e.mirror_fusion ? ', mirror fusion' : ''}`,
    `frames: 640x480 from ${r.frames.source}: ${r.frames.made} made, ${r.frames.used} used (refused: ${counts(r.frames.refused)})`,
    '',
    `per stage, 1 request at a time (ms)   640x480 frames               LFW images (250x250)`,
    `                                       p50      p95      n         p50      p95      n`,
    ...stageRows(r.stages, r.lfw_stages, r.stages_gallery_accounts, e.mirror_fusion),
  ];
  if (r.lfw_images)
    lines.push(
      `  (LFW: ${r.lfw_images.requests} requests over ${r.lfw_images.images} images; refused: ${counts(r.lfw_images.refused)})`,
    );
  lines.push(
    '',
    'whole pipeline, engine.analyze as a caller sees it (640x480 frames)',
    '  in flight     p50 ms   p95 ms      n   images/s',
    ...(['1', '2'] as const).map(
      (c) => `  ${c.padEnd(10)} ${cell(r.concurrency[c])} ${r.concurrency[c].images_per_s.toFixed(1).padStart(10)}`,
    ),
    '',
    ...burstRows(r.burst),
    '',
    ...arrivalRows(r.arrivals),
    '',
    `RSS after the models load: ${r.rss_mb} MB (after warm-up: ${r.rss_after_warmup_mb} MB); this process with its worker threads`,
    '',
    `1:N match, 2 nearest of N random ${r.match_dims}-D accounts (synthetic templates, ms); the engine shortlists from ${r.shortlist_from} accounts`,
    '  accounts   engine path      p50      p95      n   no shortlist p50      p95      n   load ms   bytes/account (heap, RSS)',
    ...(['1e3', '1e4', '1e5', '1e6'] as const).flatMap((size) => {
      const timing = r.match[size];
      const cost = r.match_cost[size];
      if (!timing || !cost) return [];
      const memory = `${cost.heap_bytes_per_account}, ${cost.rss_bytes_per_account}`;
      return [
        `  ${size.padEnd(8)}   ${timing.path.padEnd(9)} ${cell(timing)}   ${' '.repeat(8)}${cell(r.match_exact[size])}   ${String(cost.load_ms).padStart(7)}   ${memory}`,
      ];
    }),
    ...(r.match['1e6'] ? [] : ['  (1e6: facegate bench --large)']),
    '',
  );
  if (r.face_api) {
    const f = r.face_api;
    lines.push(
      `face-api ${f.versions['@vladmandic/face-api']} on tfjs ${f.versions['@tensorflow/tfjs']} ${f.backend} (SIMD ${f.simd ? 'on' : 'off'}, threads ${f.threads ? 'on' : 'off'}), ssdMobilenetv1 + faceLandmark68Net + faceRecognitionNet, ${f.workers} worker threads`,
      `  same frames, 1 request at a time: p50 ${f.p50_ms.toFixed(1)} ms, p95 ${f.p95_ms.toFixed(1)} ms, n ${f.n}, ${f.images_per_s.toFixed(2)} images/s (no face found: ${f.no_face})`,
      `  face-api p50 / facegate p50: ${r.ratio_vs_face_api!.toFixed(1)}x`,
    );
  } else {
    lines.push(`face-api: ${r.face_api_skipped}`);
  }
  if (r.accuracy) {
    const a = r.accuracy;
    const row = (name: string, x: typeof a.facegate, indent = '  ') =>
      `${indent}${name.padEnd(9)} ${pct(x.accuracy)} ± ${pct(x.accuracy_std)} at distance ~${x.threshold.toFixed(3)} (pairs with a faceless image: ${x.no_face})`;
    lines.push(
      '',
      `accuracy, ${a.folds}-fold, on ${a.pairs} LFW pairs (${a.genuine} same, ${a.impostor} different; ${a.images} images): ${a.source}`,
      row('facegate', a.facegate),
      a.face_api ? row('face-api', a.face_api) : '  face-api  not measured',
    );
    const both = a.where_face_api_found_both;
    if (both)
      lines.push(
        `  on the ${both.pairs} pairs in which face-api found both faces:`,
        row('facegate', both.facegate, '    '),
        row('face-api', both.face_api, '    '),
      );
  }
  if (r.notes.length > 0) lines.push('', ...r.notes.map((n) => `note: ${n}`));
  return lines.join('\n');
}

function stageRows(
  frames: StageLatency,
  lfw: StageLatency | null,
  galleryAccounts: number,
  mirrorFusion: boolean,
): string[] {
  const labels: [keyof StageLatency, string][] = [
    ['decode', 'decode (sharp)'],
    ['detect', 'detect (BlazeFace)'],
    ['align', 'align (68 landmarks, warp, quality)'],
    ['embed', mirrorFusion ? 'embed (chip and mirror)' : 'embed (the chip)'],
    ['match', `match (gallery of ${galleryAccounts})`],
  ];
  return labels.map(([stage, label]) => `  ${label.padEnd(36)} ${cell(frames[stage])}   ${cell(lfw?.[stage])}`);
}

function arrivalRows(a: MixedArrivals): string[] {
  return [
    `bursts and snapshots arriving at random for ${a.seconds} s: ${a.bursts_per_s} bursts and ${a.snapshots_per_s} snapshots a second`,
    `  (${a.load_share === null ? 'rates given' : `${Math.round(a.load_share * 100)}% of the workers at one frame's time alone`}), from arrival to answer (ms)`,
    '                                       p50      p95      n',
    `  a snapshot (analyze)                 ${cell(a.snapshot)}   refused as busy: ${a.busy.snapshots}`,
    `  a burst (analyzeBurst)               ${cell(a.burst)}   refused as busy: ${a.busy.bursts}`,
  ];
}

function burstRows(b: BurstLatency): string[] {
  const labels: Record<BurstStage, string> = {
    decode: 'decode (sharp)',
    detect: 'detect (BlazeFace)',
    landmarks: '68 landmarks (part of align)',
    align: 'align (landmarks, warps, quality)',
    embed: 'embed (the chip)',
    scene: 'scene sample',
  };
  return [
    `liveness burst of ${b.frames} frames (${b.bursts} animated demo faces), on the engine's workers (ms)`,
    '                                       p50      p95      n',
    `  one frame (analyzeFrame)             ${cell(b.one_frame)}`,
    `  the burst (analyzeBurst)             ${cell(b.burst)}   added over one frame: ${b.added_p50_ms.toFixed(1)} ms p50`,
    `  the liveness check (checkBurst)      ${cell(b.check)}   on the calling thread, after the burst`,
    '  per stage                            one frame                    the burst, summed over its frames',
    ...BURST_STAGES.map(
      (stage) => `    ${labels[stage].padEnd(34)} ${cell(b.stages_one_frame[stage])}   ${cell(b.stages_burst[stage])}`,
    ),
  ];
}
