/**
 * The `facegate` command line: one verb per module under src/cli/verbs/, loaded only when used
 * (so `facegate keys list` does not load the face models). A verb returns the exit code; nothing
 * here calls process.exit, so pending output is flushed before Node exits on its own.
 */
import { readFileSync } from 'node:fs';
import { CliError, HelpRequested, UsageError } from './parse.js';

export type Verb = (args: string[]) => Promise<number>;

const verbs: Record<string, { summary: string; load: () => Promise<Verb> }> = {
  start: {
    summary: 'serve the provider and the example RP together (npm start)',
    load: async () => (await import('./verbs/start.js')).start,
  },
  serve: {
    summary: 'serve the OpenID Connect provider alone, as deployed',
    load: async () => (await import('./verbs/serve.js')).serve,
  },
  keys: {
    summary: 'list or rotate the signing and cookie keys',
    load: async () => (await import('./verbs/keys.js')).keys,
  },
  accounts: {
    summary: 'add, list or remove accounts',
    load: async () => (await import('./verbs/accounts.js')).accounts,
  },
  enroll: {
    summary: "enrol an account's face from photos",
    load: async () => (await import('./verbs/enroll.js')).enroll,
  },
  templates: {
    summary: "face templates by embedder; prune a retired embedder's",
    load: async () => (await import('./verbs/templates.js')).templates,
  },
  invite: {
    summary: 'print a one-time link to enrol a face from the browser',
    load: async () => (await import('./verbs/invite.js')).invite,
  },
  'docs-config': {
    summary: "rewrite the README's configuration reference from the JSON Schema",
    load: async () => (await import('./verbs/docs.js')).docs,
  },
  embed: {
    summary: 'find the faces in an image and print their embeddings',
    load: async () => (await import('./verbs/embed.js')).embed,
  },
  'eval-liveness': {
    summary: 'measure the liveness check: APCER per attack type, BPCER',
    load: async () => (await import('./verbs/eval-liveness.js')).evaluateLivenessVerb,
  },
  'eval-pad': {
    summary: 'measure the optional presentation-attack model: BPCER on real photos, a threshold',
    load: async () => (await import('./verbs/eval-pad.js')).evaluatePad,
  },
  eval: {
    summary: 'measure recognition accuracy on LFW-format pairs',
    load: async () => (await import('./verbs/eval.js')).evaluate,
  },
  bench: {
    summary: 'time the face pipeline and 1:N match, side by side with face-api (npm run bench)',
    load: async () => (await import('./verbs/bench.js')).bench,
  },
};

function usage(): string {
  const lines = Object.entries(verbs).map(([name, v]) => `  ${name.padEnd(16)} ${v.summary}`);
  return [
    'usage: facegate <command> [options]',
    '       facegate <command> --help',
    '       facegate --version',
    '',
    'commands:',
    ...lines,
  ].join('\n');
}

/** The version in package.json (dist/src/cli/ is three folders below it). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    console.log(`facegate ${version()}`);
    return 0;
  }
  const verb = verbs[name];
  if (!verb) {
    console.error(`facegate: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await verb.load())(rest);
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(error.message);
      return 0;
    }
    if (error instanceof UsageError) {
      console.error(`facegate ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof CliError) {
      console.error(`facegate ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
