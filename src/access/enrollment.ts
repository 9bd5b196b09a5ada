/**
 * Enrolment, shared by `facegate enroll` (photos) and the invitation page (webcam frames):
 * every image must pass the same checks as a sign-in, all must show one person, that person must
 * be the account's own when templates are added to an account that has some (1:1, as a sign-in
 * would check them), and must not be enrolled already under another account. Each account is
 * compared under its own current model (after a change of embedder, an older one for accounts not
 * carried over yet). Only then are templates stored, of the configured model, and only embeddings:
 * the images are dropped.
 */
import type { AccountInput, Store } from '../../adapters/contract.js';
import { FacegateError, type Said } from '../errors.js';
import { FaceError } from '../face/errors.js';
import { distance } from '../face/match/distance.js';
import { fuse } from '../face/embed/vectors.js';
import { analyzeBurst } from '../face/liveness/analyze-burst.js';
import { checkBurst } from '../face/liveness/burst-check.js';
import type { Step } from '../face/liveness/challenge.js';
import { livenessSettings } from '../face/liveness/settings.js';
import type { FaceAnalysis } from '../face/pipeline.js';
import { fuseByModel } from '../face/recognizer.js';
import { checkQuality } from '../face/quality.js';
import type { FaceService } from './face-service.js';
import { notLiveSentence, say } from '../sentences.js';
import { round } from '../face/round.js';

/** Pictures an enrolment keeps as templates: plain pictures, or a live burst's frames facing the camera. */
export const MIN_ENROLLMENT_FRAMES = 3;

type Measures = Record<string, number | string>;

/**
 * Pictures that cannot be enrolled: why (what the face engine refused in one of them, or a check of
 * enrolment's own, 422), which picture when one is to blame, and the measures behind it (for the
 * audit). A face engine too busy to look is not a refusal: its FaceError is thrown as it is.
 */
export class EnrollmentRefusal extends FacegateError {
  constructor(
    code:
      | 'not_same_person'
      | 'not_account_holder'
      | 'already_enrolled'
      | 'not_live'
      | 'too_few_frames'
      | FaceError['code'],
    said: Said,
    readonly image?: number,
    readonly detail?: Measures,
    status = 422,
  ) {
    super(code, said, { status });
  }

  static of(error: unknown, image?: number): unknown {
    if (!(error instanceof FaceError) || error.code === 'busy') return error;
    return new EnrollmentRefusal(error.code, error.said, image, error.detail, error.status);
  }
}

/** Whose templates these are, and whether they replace the account's (else they are added to them). */
export interface EnrollmentTarget {
  accountId: string;
  replace: boolean;
}

export async function examineEnrollment(
  service: FaceService,
  images: readonly Uint8Array[],
  target: EnrollmentTarget,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Float32Array[]> {
  const older = await olderModelsInUse(service);
  const analyses: FaceAnalysis[] = [];
  for (let i = 0; i < images.length; i++) {
    try {
      analyses.push(await service.engine.analyze(images[i], older));
    } catch (error) {
      throw EnrollmentRefusal.of(error, i);
    }
    onProgress(i + 1, images.length);
  }
  return examineFaces(service, analyses, target);
}

/**
 * A live burst from the enrolment page: it must pass the liveness challenge; its frames facing the
 * camera (at least MIN_ENROLLMENT_FRAMES) must pass sign-in's quality checks, and become the templates.
 */
export async function examineLiveEnrollment(
  service: FaceService,
  frames: readonly Uint8Array[],
  steps: readonly Step[],
  target: EnrollmentTarget,
): Promise<Float32Array[]> {
  let analyses;
  try {
    analyses = await analyzeBurst(service.engine, frames, await olderModelsInUse(service));
  } catch (error) {
    throw EnrollmentRefusal.of(error);
  }
  const verdict = checkBurst(analyses, steps, livenessSettings(service.engine.spec.embedder));
  if (verdict.kind === 'not_live')
    throw new EnrollmentRefusal('not_live', notLiveSentence(verdict.reason), undefined, { reason: verdict.reason });
  const frontal = verdict.frontal.map((i) => analyses[i]!);
  if (frontal.length < MIN_ENROLLMENT_FRAMES) throw new EnrollmentRefusal('too_few_frames', say('too_few_frames'));
  try {
    for (const frame of frontal) checkQuality(frame.quality, service.engine.spec.settings.quality);
  } catch (error) {
    throw EnrollmentRefusal.of(error);
  }
  return examineFaces(service, frontal, target);
}

/** The older models some account is compared under now, whose embeddings the checks need too. */
async function olderModelsInUse(service: FaceService): Promise<string[]> {
  const { gallery } = service.recognizer;
  await gallery.refresh();
  return gallery.modelsInUse().filter((m) => m !== service.model);
}

/**
 * Templates of one person (the configured model's embeddings); added to an account that has
 * templates, that account's person (who holds an enrolment link is not necessarily who it was meant
 * for); not enrolled under another account already. Each account is compared under its own model,
 * with the faces' fused embedding of that model, at that model's 1:1 threshold.
 */
async function examineFaces(
  service: FaceService,
  faces: readonly FaceAnalysis[],
  { accountId, replace }: EnrollmentTarget,
): Promise<Float32Array[]> {
  const embeddings = faces.map((f) => f.embedding);
  const threshold = service.rules.policy.verification();
  // Each picture against the others' mean, not the mean of all: a stranger's picture pulls the mean
  // of all towards itself, and with an embedder whose 1:1 threshold is wide against its spread
  // (faceplugin-fr-feature-512: 0.586 cosine) one stranger among three pictures passed.
  const others = (i: number) => fuse(embeddings.filter((_, j) => j !== i));
  const outlier =
    embeddings.length < 2
      ? -1
      : embeddings.findIndex((e, i) => distance(e, others(i), service.engine.spec.embedder.metric) > threshold);
  if (outlier >= 0) throw new EnrollmentRefusal('not_same_person', say('not_same_person'), outlier);

  const { gallery } = service.recognizer;
  const probe = fuseByModel(faces);
  const own = replace ? undefined : gallery.accountDistance(probe, accountId);
  if (own) {
    const ownThreshold = service.recognizer.rulesOf(own.model).policy.verification();
    if (own.distance > ownThreshold) {
      throw new EnrollmentRefusal('not_account_holder', say('not_account_holder'), undefined, {
        distance: round(own.distance, 4),
        threshold: round(ownThreshold, 4),
        model: own.model,
      });
    }
  }
  for (const [model, embedding] of Object.entries(probe)) {
    const [nearest] = (await gallery.index(model)?.nearestAccounts(embedding, 1)) ?? [];
    if (
      nearest &&
      nearest.accountId !== accountId &&
      nearest.distance <= service.recognizer.rulesOf(model).policy.verification()
    ) {
      throw new EnrollmentRefusal('already_enrolled', say('already_enrolled'), undefined, {
        distance: round(nearest.distance, 4),
        model,
      });
    }
  }
  return embeddings;
}

/**
 * Creates the account when it does not exist (with the profile given), records the consent (when
 * given), then stores the templates: a face is never kept without the consent it was given under.
 */
export async function saveEnrollment(
  store: Store,
  model: string,
  accountId: string,
  embeddings: Float32Array[],
  options: { replace: boolean; profile?: Omit<AccountInput, 'id'>; recordConsent?: () => Promise<unknown> },
): Promise<void> {
  if (options.profile && !(await store.accounts.get(accountId))) {
    await store.accounts.upsert({ id: accountId, ...options.profile });
  }
  await options.recordConsent?.();
  await store.templates.add(accountId, model, embeddings, { replace: options.replace });
}
