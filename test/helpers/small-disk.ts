import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small file system to break: as root, file permissions stop no write, but a full disk or a
 * file system the kernel made read-only does. Mounting needs root (CAP_SYS_ADMIN), an ext4 image
 * a loop device too; `mount()` and `ext4()` answer why they cannot instead.
 */
export class SmallDisk {
  private constructor(
    readonly folder: string,
    private readonly image?: string,
  ) {}

  /** A mounted tmpfs of `megabytes`, or the reason it cannot be mounted here. */
  static mount(megabytes: number): SmallDisk | string {
    const folder = mkdtempSync(join(tmpdir(), 'facegate-disk-'));
    const why = run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', folder]);
    if (why === undefined) return new SmallDisk(folder);
    rmSync(folder, { recursive: true, force: true });
    return `cannot mount a tmpfs (${why}): needs root with CAP_SYS_ADMIN (a container without it cannot)`;
  }

  /**
   * An ext4 image of `megabytes` on a loop device, mounted with errors=remount-ro (the usual
   * setting: on an error the kernel makes it read-only), or the reason it cannot be here.
   */
  static ext4(megabytes: number): SmallDisk | string {
    const folder = mkdtempSync(join(tmpdir(), 'facegate-disk-'));
    const image = `${folder}.img`;
    const why =
      run('truncate', ['-s', `${megabytes}M`, image]) ??
      run('mkfs.ext4', ['-q', '-F', image]) ??
      run('mount', ['-o', 'loop,errors=remount-ro', image, folder]);
    if (why === undefined) return new SmallDisk(folder, image);
    rmSync(folder, { recursive: true, force: true });
    rmSync(image, { force: true });
    return `cannot mount an ext4 image on a loop device (${why}): needs root with CAP_SYS_ADMIN and /dev/loop* (a container usually has neither)`;
  }

  /**
   * What the kernel does on an ext4 error with errors=remount-ro, asked for on purpose: the
   * journal is aborted and the file system read-only. A remount does not undo it; `repair()` does.
   */
  forceReadOnly(): void {
    must('mount', ['-o', 'remount,abort', this.folder]);
  }

  /**
   * What an operator does: unmount (refused, "target is busy", while a process holds a file
   * there), check, mount again.
   */
  repair(): void {
    must('umount', [this.folder]);
    spawnSync('fsck.ext4', ['-fy', this.image!]);
    must('mount', ['-o', 'loop,errors=remount-ro', this.image!, this.folder]);
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
    if (this.image) rmSync(this.image, { force: true });
  }
}

/** Runs a command; undefined when it succeeded, else why not. */
function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status === 0) return undefined;
  return result.error?.message ?? (result.stderr.trim() || `${command} exited with ${result.status}`);
}

function must(command: string, args: string[]): void {
  const why = run(command, args);
  if (why !== undefined) throw new Error(`${command} ${args.join(' ')}: ${why}`);
}
