/**
 * `install --record`: writes the digests of freshly built models back into models/manifest.json,
 * for a deliberate change to a builder or a source package. The manifest is rewritten in one fixed
 * format (short arrays of numbers and names on one line), so a recorded change is a small diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { InstallResult } from './install-models.js';
import type { ModelManifest } from '../src/face/model-files/manifest.js';

export function recordDigests(manifestPath: string, results: readonly InstallResult[]): string[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ModelManifest;
  const changed: string[] = [];
  for (const result of results) {
    const entry = manifest.models.find((m) => m.id === result.entry.id);
    if (entry && entry.sha256 !== result.sha256) {
      entry.sha256 = result.sha256;
      changed.push(entry.id);
    }
  }
  writeFileSync(manifestPath, `${formatJson(manifest)}\n`);
  return changed;
}

const INLINE_ARRAY_WIDTH = 72;

export function formatJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const flat = value.every((v) => v === null || typeof v !== 'object');
    if (value.length === 0 || (flat && inline.length <= INLINE_ARRAY_WIDTH)) return inline;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    const fields = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`);
    return fields.length === 0 ? '{}' : `{\n${fields.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
