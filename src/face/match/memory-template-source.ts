/**
 * Templates held in memory: the TemplateSource for tests, benchmarks and tools that need a
 * gallery without a store.
 */
import type { GalleryTemplate, TemplateSource, TemplateUsage } from './gallery.js';

export class MemoryTemplateSource implements TemplateSource {
  private readonly templates: (GalleryTemplate & { model: string; createdAt: number })[] = [];
  private version = 0;

  add(model: string, accountId: string, ...embeddings: Float32Array[]): void {
    // Strictly increasing times, so "the newest template" is always one.
    const createdAt = this.version + 1;
    this.templates.push(...embeddings.map((embedding) => ({ model, accountId, embedding, createdAt })));
    this.version++;
  }

  async list(model: string): Promise<GalleryTemplate[]> {
    return this.templates
      .filter((t) => t.model === model)
      .map(({ accountId, embedding }) => ({ accountId, embedding }));
  }

  async usage(): Promise<TemplateUsage[]> {
    const rows = new Map<string, TemplateUsage>();
    for (const { accountId, model, createdAt } of this.templates) {
      const key = `${accountId}\u0000${model}`;
      rows.set(key, { accountId, model, newest: Math.max(createdAt, rows.get(key)?.newest ?? 0) });
    }
    return [...rows.values()];
  }

  async revision(): Promise<number> {
    return this.version;
  }
}
