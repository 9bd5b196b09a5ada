/**
 * Templates held in memory: the TemplateSource for tests, benchmarks and tools that need a
 * gallery without a store.
 */
import type { GalleryTemplate, TemplateSource } from './gallery.js';

export class MemoryTemplateSource implements TemplateSource {
  private readonly byModel = new Map<string, GalleryTemplate[]>();
  private version = 0;

  add(model: string, accountId: string, ...embeddings: Float32Array[]): void {
    const list = this.byModel.get(model) ?? [];
    list.push(...embeddings.map((embedding) => ({ accountId, embedding })));
    this.byModel.set(model, list);
    this.version++;
  }

  async list(model: string): Promise<GalleryTemplate[]> {
    return [...(this.byModel.get(model) ?? [])];
  }

  async revision(): Promise<number> {
    return this.version;
  }
}
