import type { GalleryChange } from './contract.js';

/**
 * Gallery changes delivered within the process, at once after the commit: a store's own followers
 * (its instance's gallery) need not wait for the network's copy of the change to apply it.
 */
export class ChangeHub {
  private readonly listeners = new Set<(change: GalleryChange) => void>();

  emit(change: GalleryChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  /** Returns the function that stops listening. */
  on(listener: (change: GalleryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
