/**
 * The store file holds the private signing keys, the cookie keys, the face embeddings and the
 * audit trail: only its owner may read it. SQLite creates its files 0644 whatever the umask (it
 * sets the mode itself), and its -wal and -shm files take the database file's mode: so facegate
 * creates the file 0600 before SQLite opens it, in a folder made 0700.
 */
import { chmodSync, closeSync, existsSync, fchmodSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_FOLDER = 0o700;

/**
 * Creates what is missing of the store: each missing folder 0700, the file 0600, whatever the
 * umask. An existing folder or file is left as it is (readableByOthers reports it).
 */
export function createPrivately(file: string): void {
  const folder = dirname(file);
  const firstCreated = mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_FOLDER });
  // mkdir applies the umask: set each folder it made, from the first down to the file's own.
  if (firstCreated) {
    for (let at = folder; ; at = dirname(at)) {
      chmodSync(at, OWNER_ONLY_FOLDER);
      if (at === firstCreated || at === dirname(at)) break;
    }
  }
  if (existsSync(file)) return;
  let fd: number;
  try {
    fd = openSync(file, 'wx', OWNER_ONLY_FILE);
  } catch (error) {
    // Another process made it meanwhile: it is theirs to have made right.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  try {
    fchmodSync(fd, OWNER_ONLY_FILE);
  } finally {
    closeSync(fd);
  }
}

/** The store's files (the database, its -wal and -shm) that exist and that users other than the owner can read. */
export function readableByOthers(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`].filter((path) => {
    try {
      return (statSync(path).mode & 0o044) !== 0;
    } catch {
      return false;
    }
  });
}
