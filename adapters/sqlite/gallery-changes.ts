import { resolve } from 'node:path';
import { ChangeHub } from '../change-hub.js';
import type { GalleryChange } from '../contract.js';

/**
 * Gallery changes on SQLite, in-process: every store open on a file in this process hears each
 * change at once after its commit, with the revision it left. Another process writing the same file
 * is heard through the revision, checked every `checkEveryMs`: when it has moved past every
 * revision heard here, something changed elsewhere, and the listener reads everything again.
 */
const hubs = new Map<string, ChangeHub>();
const lastRevision = new Map<string, number>();

export interface SqliteGalleryChanges {
  committed(change: GalleryChange, revision: number): void;
  follow(
    readRevision: () => Promise<number>,
    listener: (change: GalleryChange) => void,
    checkEveryMs?: number,
  ): Promise<() => Promise<void>>;
}

export function sqliteGalleryChanges(file: string): SqliteGalleryChanges {
  const key = resolve(file);
  const hub = hubs.get(key) ?? new ChangeHub();
  hubs.set(key, hub);

  return {
    committed(change, revision) {
      lastRevision.set(key, Math.max(lastRevision.get(key) ?? 0, revision));
      hub.emit(change);
    },
    async follow(readRevision, listener, checkEveryMs = 1000) {
      let known = await readRevision();
      const off = hub.on(listener);
      const timer = setInterval(() => {
        readRevision().then(
          (revision) => {
            known = Math.max(known, lastRevision.get(key) ?? 0);
            if (revision <= known) return;
            known = revision;
            listener({ all: true });
          },
          () => {
            /* the file cannot be read now: checked again at the next tick */
          },
        );
      }, checkEveryMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        off();
      };
    },
  };
}
