/**
 * The gallery: every enrolled account, in memory, each under its current embedder, searchable 1:N
 * and 1:1. It knows templates only through TemplateSource, which the storage layer implements. It
 * loads everything once, then follows the source's changes: an account added, replaced or removed
 * (here or on another instance) is read again alone and applied to the indexes it affects. When
 * the source says changes may have been missed (a connection lost), or reading one failed, it
 * loads everything once more.
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

/** One stored template, as the gallery reads an account's. */
export interface SourceTemplate extends GalleryTemplate {
  model: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** One account's templates changed (read it again), or anything may have (read everything again). */
export type GalleryChange = { account: string } | { all: true };

export interface TemplateSource {
  list(model: string): Promise<GalleryTemplate[]>;
  usage(): Promise<TemplateUsage[]>;
  /** Every template of one account, of every model. */
  listForAccount(accountId: string): Promise<SourceTemplate[]>;
  /** Calls `listener` after each change; resolves once changes are followed, with the function that stops it. */
  follow(listener: (change: GalleryChange) => void): Promise<() => Promise<void>>;
}

/** An embedder the gallery can search under. */
export interface GalleryModel {
  id: string;
  metric: Metric;
}

export type GalleryOptions = IndexOptions;

/** What the gallery holds of one account: a usage row per model, and the embeddings of loaded models. */
type Held = Map<string, { newest: number; embeddings: Float32Array[] }>;

interface Snapshot {
  /** Accounts with at least one template, of any model: the N of 1:N. */
  accounts: number;
  /** Every account's current model, loaded here or not. */
  modelOf: Map<string, string>;
  /** One index per loaded model that is some account's current model, the configured model first. */
  indexes: Map<string, AccountIndex>;
}

export class Gallery {
  private snapshot: Snapshot = { accounts: 0, modelOf: new Map(), indexes: new Map() };
  private held = new Map<string, Held>();
  /** The changes not applied yet, in the order they came. */
  private applying: Promise<void> = Promise.resolve();
  /** A change could not be applied: load everything at the next refresh. */
  private stale = false;
  private stopFollowing: (() => Promise<void>) | undefined;

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
    // Followed before the first load, so that no change made meanwhile is missed.
    gallery.stopFollowing = await source.follow((change) => gallery.enqueue(change));
    try {
      await gallery.refreshAll();
    } catch (error) {
      await gallery.close();
      throw error;
    }
    return gallery;
  }

  /** Stops following the source's changes. */
  async close(): Promise<void> {
    const stop = this.stopFollowing;
    this.stopFollowing = undefined;
    await stop?.();
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

  /**
   * Waits for the changes received so far to be applied; loads everything again when one could not
   * be (the store was down), rejecting as the source does while it still cannot be read.
   */
  async refresh(): Promise<void> {
    await this.applying;
    if (this.stale) await this.refreshAll();
  }

  /** Loads everything, after the changes already queued (so none is applied under it). */
  private async refreshAll(): Promise<void> {
    this.stale = false;
    this.enqueue({ all: true });
    await this.applying;
    if (this.stale) throw this.lastError;
  }

  private lastError: unknown;

  private enqueue(change: GalleryChange): void {
    this.applying = this.applying
      .then(() => ('all' in change ? this.reloadAll() : this.reloadAccount(change.account)))
      .catch((error: unknown) => {
        this.stale = true;
        this.lastError = error;
      });
  }

  private async reloadAll(): Promise<void> {
    const held = new Map<string, Held>();
    for (const { accountId, model, newest } of await this.source.usage()) {
      const models = held.get(accountId) ?? new Map();
      models.set(model, { newest, embeddings: [] });
      held.set(accountId, models);
    }
    for (const { id } of this.models) {
      for (const { accountId, embedding } of await this.source.list(id))
        held.get(accountId)?.get(id)?.embeddings.push(embedding);
    }
    this.held = held;
    const modelOf = currentModels(this.usage(held.keys()), this.modelIds);
    const indexes = new Map<string, AccountIndex>();
    for (const { id } of this.models) {
      const index = await this.buildIndex(id, modelOf);
      if (index) indexes.set(id, index);
    }
    this.snapshot = { accounts: modelOf.size, modelOf, indexes };
  }

  /** Reads one account again and rebuilds, from memory, only the indexes of its models before and after. */
  private async reloadAccount(accountId: string): Promise<void> {
    const models: Held = new Map();
    for (const t of await this.source.listForAccount(accountId)) {
      const row = models.get(t.model) ?? { newest: 0, embeddings: [] };
      row.newest = Math.max(row.newest, t.createdAt);
      if (this.modelIds.includes(t.model)) row.embeddings.push(t.embedding);
      models.set(t.model, row);
    }
    if (models.size > 0) this.held.set(accountId, models);
    else this.held.delete(accountId);
    const before = this.snapshot.modelOf.get(accountId);
    const modelOf = new Map(this.snapshot.modelOf);
    const now = currentModels(this.usage([accountId]), this.modelIds).get(accountId);
    if (now === undefined) modelOf.delete(accountId);
    else modelOf.set(accountId, now);
    const indexes = new Map(this.snapshot.indexes);
    for (const model of new Set([before, now])) {
      if (model === undefined || !this.modelIds.includes(model)) continue;
      const index = await this.buildIndex(model, modelOf);
      if (index) indexes.set(model, index);
      else indexes.delete(model);
    }
    // In the configured order, as a full load makes them.
    const ordered = new Map(this.modelIds.flatMap((id) => (indexes.has(id) ? [[id, indexes.get(id)!] as const] : [])));
    this.snapshot = { accounts: modelOf.size, modelOf, indexes: ordered };
  }

  private get modelIds(): string[] {
    return this.models.map((m) => m.id);
  }

  private usage(accountIds: Iterable<string>): TemplateUsage[] {
    return [...accountIds].flatMap((accountId) =>
      [...(this.held.get(accountId) ?? [])].map(([model, { newest }]) => ({ accountId, model, newest })),
    );
  }

  /** The index of one model's accounts (those whose current model it is), from what is held; undefined when none. */
  private async buildIndex(model: string, modelOf: Map<string, string>): Promise<AccountIndex | undefined> {
    const templates: GalleryTemplate[] = [];
    for (const [accountId, current] of modelOf) {
      if (current !== model) continue;
      for (const embedding of this.held.get(accountId)?.get(model)?.embeddings ?? [])
        templates.push({ accountId, embedding });
    }
    if (templates.length === 0) return undefined;
    const { metric } = this.models.find((m) => m.id === model)!;
    return AccountIndex.build(model, metric, templates, this.options);
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
