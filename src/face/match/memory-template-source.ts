/**
 * Templates held in memory: the TemplateSource for tests, benchmarks and tools that need a
 * gallery without a store.
 */
import type { GalleryChange, GalleryTemplate, SourceTemplate, TemplateSource, TemplateUsage } from './gallery.js';

export class MemoryTemplateSource implements TemplateSource {
  private readonly templates: SourceTemplate[] = [];
  private readonly listeners = new Set<(change: GalleryChange) => void>();
  private version = 0;

  add(model: string, accountId: string, ...embeddings: Float32Array[]): void {
    // Strictly increasing times, so "the newest template" is always one.
    const createdAt = this.version + 1;
    this.templates.push(...embeddings.map((embedding) => ({ model, accountId, embedding, createdAt })));
    this.version++;
    for (const listener of this.listeners) listener({ account: accountId });
  }

  async list(model: string): Promise<GalleryTemplate[]> {
    return this.templates
      .filter((t) => t.model === model)
      .map(({ accountId, embedding }) => ({ accountId, embedding }));
  }

  async listForAccount(accountId: string): Promise<SourceTemplate[]> {
    return this.templates.filter((t) => t.accountId === accountId);
  }

  async usage(): Promise<TemplateUsage[]> {
    const rows = new Map<string, TemplateUsage>();
    for (const { accountId, model, createdAt } of this.templates) {
      const key = `${accountId}\u0000${model}`;
      rows.set(key, { accountId, model, newest: Math.max(createdAt, rows.get(key)?.newest ?? 0) });
    }
    return [...rows.values()];
  }

  async follow(listener: (change: GalleryChange) => void): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
    };
  }
}
