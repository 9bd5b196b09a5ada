import type { AccountInput } from '../../../adapters/contract.js';
import { recordAccountChange } from '../../access/account-changes.js';
import { parse } from '../parse.js';
import { withStore } from '../with-store.js';

const usage = [
  'facegate accounts add ID [--name NAME] [--given-name G] [--family-name F] [--email E] [--email-verified] [--picture URL] [--update]',
  'facegate accounts list',
  'facegate accounts remove ID',
  '(each takes --config PATH)',
].join('\n       ');

const profileOptions = {
  name: { type: 'string' },
  'given-name': { type: 'string' },
  'family-name': { type: 'string' },
  email: { type: 'string' },
  'email-verified': { type: 'boolean' },
  picture: { type: 'string' },
  update: { type: 'boolean' },
} as const;

/**
 * The accounts people sign in to; the list shows each one's face templates by embedder (after a
 * change of embedder, which accounts are carried over) and when it last signed in (what retention goes by). Removing one removes its templates with it.
 */
export async function accounts(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, profileOptions, usage);
  const [action, id] = positionals;
  const needsId = action === 'add' || action === 'remove';
  if (!['add', 'list', 'remove'].includes(action ?? '') || (needsId && !id) || positionals.length > (needsId ? 2 : 1)) {
    console.error(`usage: ${usage}`);
    return 2;
  }
  return withStore(values.config, async (store) => {
    switch (action) {
      case 'add': {
        const exists = await store.accounts.get(id!);
        if (exists && !values.update) {
          console.error(`facegate: account "${id}" exists already: add --update to replace its profile`);
          return 1;
        }
        const account: AccountInput = {
          id: id!,
          name: values.name,
          givenName: values['given-name'],
          familyName: values['family-name'],
          email: values.email,
          emailVerified: values['email-verified'],
          picture: values.picture,
        };
        await store.accounts.upsert(account);
        await recordAccountChange(store.audit, exists ? 'updated' : 'created', id!);
        console.log(`${exists ? 'updated' : 'added'} account ${id}`);
        return 0;
      }
      case 'remove': {
        if (!(await store.accounts.remove(id!))) {
          console.error(`facegate: no account "${id}"`);
          return 1;
        }
        await recordAccountChange(store.audit, 'removed', id!);
        console.log(`removed account ${id} and its face templates`);
        return 0;
      }
      default: {
        const all = await store.accounts.list();
        if (all.length === 0)
          console.log('no accounts yet: add one with facegate accounts add ID --name NAME --email EMAIL');
        const usage = await store.templates.usage();
        for (const account of all) {
          const mine = usage.filter((u) => u.accountId === account.id);
          const total = mine.reduce((n, u) => n + u.templates, 0);
          const models = mine.length > 0 ? ` (${mine.map((u) => `${u.model}: ${u.templates}`).join(', ')})` : '';
          const lastSignIn = account.lastSignInAt
            ? `last sign-in ${new Date(account.lastSignInAt).toISOString()}`
            : 'never signed in';
          console.log(
            [
              account.id,
              account.name ?? '-',
              account.email ?? '-',
              `${total} face template(s)${models}`,
              lastSignIn,
            ].join('\t'),
          );
        }
        return 0;
      }
    }
  });
}
