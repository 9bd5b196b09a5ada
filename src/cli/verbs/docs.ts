import { readFileSync, writeFileSync } from 'node:fs';
import { configurationReference, REFERENCE_END, REFERENCE_START } from '../../config/reference.js';
import { CliError, parse, UsageError } from '../parse.js';

const usage = 'facegate docs-config [README.md]';

/** Rewrites the README's configuration reference from the JSON Schema (`npm run docs:config`). */
export async function docs(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, usage);
  if (positionals.length > 1) throw new UsageError(`give at most one file\nusage: ${usage}`);
  const file = positionals[0] ?? 'README.md';
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start)
    throw new CliError(`${file} has no configuration reference block to rewrite (its markers are missing)`);
  writeFileSync(file, readme.slice(0, start) + configurationReference() + readme.slice(end + REFERENCE_END.length));
  console.log(`rewrote the configuration reference in ${file}`);
  return 0;
}
