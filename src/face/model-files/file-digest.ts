/**
 * SHA-256 digests, the identity of every model and source file in models/manifest.json.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function sha256OfFile(path: string): string {
  return sha256(readFileSync(path));
}
