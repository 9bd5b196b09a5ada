import type { TemplateUsage } from '../../../adapters/contract.js';
import { configuredEmbedderId } from '../../face/resolve-spec.js';
import { CliError, parse } from '../parse.js';
import { withStore } from '../with-store.js';

const usage = [
  'facegate templates list',
  'facegate templates prune --model ID [--force]',
  '(each takes --config PATH)',
].join('\n       ');

/**
 * Face templates by embedder. After the configured embedder changes, accounts move to it as they
 * sign in (carried over) or enrol again; `list` shows how far that has come, and `prune` removes a
 * retired embedder's templates once everyone has one of the configured model (the older model is
 * then no longer loaded at the next start). ID is a stored model id (`dlib-resnet-v1@efd44eff47ae`)
 * or a shipped model's id (`dlib-resnet-v1`, every version of it).
 */
export async function templates(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { model: { type: 'string' }, force: { type: 'boolean' } }, usage);
  const [action] = positionals;
  if (!(action === 'list' || (action === 'prune' && values.model)) || positionals.length > 1) {
    console.error(`usage: ${usage}`);
    return 2;
  }
  return withStore(values.config, async (store, config) => {
    const configured = configuredEmbedderId(config.face);
    const rows = await store.templates.usage();
    if (action === 'list') {
      list(rows, configured);
      return 0;
    }
    const given = values.model!;
    const pruned = [...new Set(rows.map((r) => r.model))].filter((m) => m === given || m.startsWith(`${given}@`));
    if (pruned.length === 0)
      throw new CliError(
        `no template is of model ${given} (stored models: ${[...new Set(rows.map((r) => r.model))].join(', ') || 'none'})`,
      );
    if (pruned.includes(configured))
      throw new CliError(
        `${configured} is the configured embedder (face.embedder): pruning it would lock out everyone enrolled with it`,
      );
    const stranded = [...new Set(rows.map((r) => r.accountId))].filter((id) =>
      rows.every((r) => r.accountId !== id || pruned.includes(r.model)),
    );
    if (stranded.length > 0 && !values.force) {
      throw new CliError(
        `${stranded.length} account(s) have no other template and could not sign in afterwards: ${stranded.slice(0, 10).join(', ')}${stranded.length > 10 ? ', …' : ''}; ` +
          'let them sign in with the live check or enrol again first (facegate invite ID), or add --force',
      );
    }
    for (const model of pruned) {
      const removed = await store.templates.removeModel(model);
      console.log(`removed ${removed} template(s) of ${model}`);
    }
    if (stranded.length > 0)
      console.log(
        `${stranded.length} account(s) have no face template now and must enrol again: ${stranded.join(', ')}`,
      );
    return 0;
  });
}

function list(rows: readonly TemplateUsage[], configured: string): void {
  const models = new Map<string, { accounts: number; templates: number }>();
  for (const row of rows) {
    const m = models.get(row.model) ?? { accounts: 0, templates: 0 };
    m.accounts++;
    m.templates += row.templates;
    models.set(row.model, m);
  }
  if (models.size === 0) console.log('no face templates yet');
  for (const [model, m] of models) {
    console.log(
      [
        model,
        `${m.accounts} account(s)`,
        `${m.templates} template(s)`,
        model === configured ? '(configured)' : '(older)',
      ].join('\t'),
    );
  }
  const accounts = [...new Set(rows.map((r) => r.accountId))];
  const waiting = accounts.filter((id) => !rows.some((r) => r.accountId === id && r.model === configured));
  if (waiting.length > 0)
    console.log(
      `${waiting.length} account(s) not yet carried over to ${configured}: ${waiting.slice(0, 10).join(', ')}${waiting.length > 10 ? ', …' : ''}`,
    );
}
