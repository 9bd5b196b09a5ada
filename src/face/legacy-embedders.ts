/**
 * After the configured embedder changes, accounts enrolled before have templates of the older model
 * only: that model must keep running for them, or they are locked out. Which older models are
 * needed follows from the store's template usage (each account's current model, gallery.ts); each
 * is loaded as the manifest describes it, with its own calibration. One that cannot be (not a
 * shipped model of this version, its file missing, no calibration) is reported with the reason:
 * its accounts cannot sign in until they enrol again.
 */
import { loadManifest, type ModelManifest } from './model-files/manifest.js';
import type { EmbedderSpec } from './embed/spec.js';
import { currentModels, type TemplateUsage } from './match/gallery.js';
import type { Calibration } from './match/calibration.js';
import { loadCalibration } from './match/load-calibration.js';
import { manifestEmbedder, shippedEmbedderId } from './resolve-spec.js';

export interface LegacyEmbedders {
  loaded: { spec: EmbedderSpec; calibration: Calibration }[];
  unavailable: { model: string; accounts: number; reason: string }[];
}

export function legacyEmbedders(
  usage: readonly TemplateUsage[],
  configured: EmbedderSpec,
  landmarks: boolean,
  manifest: ModelManifest = loadManifest(),
): LegacyEmbedders {
  const accountsOf = new Map<string, number>();
  for (const model of currentModels(usage, [configured.id]).values()) {
    if (model !== configured.id) accountsOf.set(model, (accountsOf.get(model) ?? 0) + 1);
  }
  const result: LegacyEmbedders = { loaded: [], unavailable: [] };
  for (const [model, accounts] of accountsOf) {
    const unavailable = (reason: string) => result.unavailable.push({ model, accounts, reason });
    const entry = manifest.models.find((m) => m.role === 'embedder' && shippedEmbedderId(m) === model);
    if (!entry) {
      unavailable(
        'it is not a model this version ships (a custom embedder no longer configured, or another version of a shipped file)',
      );
      continue;
    }
    let spec: EmbedderSpec;
    try {
      spec = manifestEmbedder(entry, null);
    } catch (error) {
      unavailable((error as Error).message);
      continue;
    }
    const calibration = loadCalibration(spec.id, { landmarks, mirrorFusion: spec.mirrorFusion });
    if (!calibration) {
      unavailable(`no calibration fits it with face.landmarks ${landmarks ? 'on' : 'off'}`);
      continue;
    }
    result.loaded.push({ spec, calibration });
  }
  return result;
}
