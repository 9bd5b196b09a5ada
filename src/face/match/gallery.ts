/**
 * The gallery: every enrolled account, in memory, each under its current embedder, searchable 1:N
 * and 1:1. It knows templates only through TemplateSource, which the storage layer implements; it
 * reloads when the source's revision moves, so an enrolment on another instance shows up here too.
 *
 * When the configured embedder changes, accounts enrolled before keep templates of the older model
 * only. An account's current model is the configured one (the first of `models`) as soon as it has
 * a template of it; until then, the model of its newest template among those loaded here. Each
 * model's accounts are searched with that model's embedding of the probe, and 1:N counts every
 * account with a template, whichever model it is under (accountCount).
 */
import type { Metric } from '../embed/spec.js';
import { AccountIndex, type Candidate, type GalleryTemplate, type IndexOptions } from './account-index.js';

export type { Candidate, GalleryTemplate, Shortlister } from './account-index.js';
export { SHORTLIST_FROM } from './account-index.js';

/** Which models an account has templates of: one row per account and model. */
export interface TemplateUsage {
  accountId: string;
  model: string;
  /** Epoch milliseconds of the newest template of that account and model. */
  newest: number;
}

export interface TemplateSource {
  list(model: string): Promise<GalleryTemplate[]>;
  usage(): Promise<TemplateUsage[]>;
  /** Moves whenever templates or accounts change. */
  revision(): Promise<number>;
}

/** An embedder the gallery can search under. */
export interface GalleryModel {
  id: string;
  metric: Metric;
}

export type GalleryOptions = IndexOptions;

interface Snapshot {
  revision: number;
  /** Accounts with at least one template, of any model: the N of 1:N. */
  accounts: number;
  /** Every account's current model, loaded here or not. */
  modelOf: Map<string, string>;
  /** One index per loaded model that is some account's current model, the configured model first. */
  indexes: Map<string, AccountIndex>;
}

export class Gallery {
  private snapshot: Snapshot = { revision: -1, accounts: 0, modelOf: new Map(), indexes: new Map() };
  private reloading: Promise<void> | undefined;

  private constructor(
    private readonly source: TemplateSource,
    /** The configured model first, then older ones loaded for accounts not yet carried over. */
    readonly models: readonly GalleryModel[],
    private readonly options: GalleryOptions,
  ) {}

  static async load(
    source: TemplateSource,
    models: readonly GalleryModel[],
    options: GalleryOptions = {},
  ): Promise<Gallery> {
    const gallery = new Gallery(source, models, options);
    await gallery.refresh();
    return gallery;
  }

  /** The configured model: every new template is of it. */
  get model(): string {
    return this.models[0].id;
  }

  /** Accounts with at least one template, whichever model: the N of 1:N. */
  get accountCount(): number {
    return this.snapshot.accounts;
  }

  /** Templates searched (each account's templates of its current model). */
  get templateCount(): number {
    return [...this.snapshot.indexes.values()].reduce((n, index) => n + index.templateCount, 0);
  }

  /** The model an account is compared under, or undefined when it has no template. */
  modelOf(accountId: string): string | undefined {
    return this.snapshot.modelOf.get(accountId);
  }

  /** Loaded models that some account is compared under now, the configured model first. */
  modelsInUse(): string[] {
    return [...this.snapshot.indexes.keys()];
  }

  /** Accounts whose templates are all of models not loaded here (they cannot sign in), by model. */
  unserved(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const model of this.snapshot.modelOf.values()) {
      if (!this.snapshot.indexes.has(model)) counts.set(model, (counts.get(model) ?? 0) + 1);
    }
    return counts;
  }

  /** The accounts compared under one model, or undefined when none is. */
  index(model: string): AccountIndex | undefined {
    return this.snapshot.indexes.get(model);
  }

  /**
   * Each model's nearest accounts to the probe's embedding under that model, `count` per model.
   * Accounts under a model the probe has no embedding of are not searched (a reload between the
   * embedding and the search may bring one): they can be refused, never matched by mistake.
   */
  async nearestAccounts(probe: Readonly<Record<string, Float32Array>>, count = 2): Promise<Candidate[]> {
    const searched = [...this.snapshot.indexes].filter(([model]) => probe[model] !== undefined);
    return (await Promise.all(searched.map(([model, index]) => index.nearestAccounts(probe[model], count)))).flat();
  }

  /**
   * The distance from the probe to one account, under the account's current model; undefined when
   * the account has no template of a model loaded here, or the probe no embedding of that model.
   */
  accountDistance(
    probe: Readonly<Record<string, Float32Array>>,
    accountId: string,
  ): { model: string; distance: number } | undefined {
    const model = this.modelOf(accountId);
    const index = model === undefined ? undefined : this.snapshot.indexes.get(model);
    const embedding = model === undefined ? undefined : probe[model];
    if (!model || !index || !embedding) return undefined;
    return { model, distance: index.accountDistance(embedding, accountId)! };
  }

  /** Reload when the source has changed since the last load. Concurrent callers share one reload. */
  async refresh(): Promise<void> {
    this.reloading ??= this.reloadIfChanged().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async reloadIfChanged(): Promise<void> {
    const revision = await this.source.revision();
    if (revision === this.snapshot.revision) return;
    const modelOf = currentModels(
      await this.source.usage(),
      this.models.map((m) => m.id),
    );
    const indexes = new Map<string, AccountIndex>();
    for (const { id, metric } of this.models) {
      const templates = (await this.source.list(id)).filter((t) => modelOf.get(t.accountId) === id);
      if (templates.length > 0) indexes.set(id, await AccountIndex.build(id, metric, templates, this.options));
    }
    this.snapshot = { revision, accounts: modelOf.size, modelOf, indexes };
  }
}

/**
 * Each account's current model: the configured one (`loaded[0]`) when it has a template of it, else
 * the loaded model of its newest template, else (nothing of it loaded) the model of its newest template.
 */
export function currentModels(usage: readonly TemplateUsage[], loaded: readonly string[]): Map<string, string> {
  const rank = (u: TemplateUsage) => [u.model === loaded[0] ? 1 : 0, loaded.includes(u.model) ? 1 : 0, u.newest];
  const best = new Map<string, TemplateUsage>();
  for (const u of usage) {
    const held = best.get(u.accountId);
    if (!held || compare(rank(u), rank(held)) > 0) best.set(u.accountId, u);
  }
  return new Map([...best].map(([id, u]) => [id, u.model]));
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
