import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small file system (tmpfs) to fill up: as root, file permissions stop no write, but a
 * full disk does. Mounting needs root (CAP_SYS_ADMIN); `mount()` answers why it cannot instead.
 */
export class SmallDisk {
  private constructor(readonly folder: string) {}

  /** A mounted tmpfs of `megabytes`, or the reason it cannot be mounted here. */
  static mount(megabytes: number): SmallDisk | string {
    const folder = mkdtempSync(join(tmpdir(), 'facegate-disk-'));
    const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', folder], { encoding: 'utf8' });
    if (result.status !== 0) {
      rmSync(folder, { recursive: true, force: true });
      const why = result.error?.message ?? result.stderr.trim();
      return `cannot mount a tmpfs (${why}): needs root with CAP_SYS_ADMIN (a container without it cannot)`;
    }
    return new SmallDisk(folder);
  }

  private get filler(): string {
    return join(this.folder, 'filler');
  }

  /** Writes a filler file until the file system answers ENOSPC even to one byte: not a page is left. */
  fill(): void {
    const fd = openSync(this.filler, 'w');
    try {
      for (const size of [64 * 1024, 4096, 1]) {
        const block = Buffer.alloc(size, 1);
        try {
          for (;;) writeSync(fd, block);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Deletes the filler: the space is back. */
  free(): void {
    rmSync(this.filler, { force: true });
  }

  unmount(): void {
    // Lazy: a server that failed to close must not leave the mount behind.
    spawnSync('umount', ['-l', this.folder]);
    rmSync(this.folder, { recursive: true, force: true });
  }
}
