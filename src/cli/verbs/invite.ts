import { createInvitation, parseDuration } from '../../access/invitations.js';
import { parse, UsageError } from '../parse.js';
import { withStore } from '../with-store.js';

const usage = 'facegate invite ID [--name NAME] [--email EMAIL] [--ttl 1h] [--replace] [--config PATH]';

/** Prints a one-time link that lets a person enrol their face for account ID from their own browser. */
export async function invite(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      name: { type: 'string' },
      email: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
      replace: { type: 'boolean' },
    },
    usage,
  );
  const [accountId] = positionals;
  if (!accountId || positionals.length !== 1) throw new UsageError(`give one account id\nusage: ${usage}`);
  const ttlSeconds = parseDuration(values.ttl!);
  if (!ttlSeconds) throw new UsageError(`--ttl takes a duration such as 90s, 15m, 1h or 2d\nusage: ${usage}`);
  return withStore(values.config, async (store, { issuer }) => {
    const profile = { ...(values.name ? { name: values.name } : {}), ...(values.email ? { email: values.email } : {}) };
    const { link, expiresAt, id } = await createInvitation(store.invitations, issuer, {
      accountId,
      profile,
      replace: values.replace,
      ttlSeconds,
    });
    console.log(link);
    const does = values.replace
      ? 'it replaces the face enrolled for this account with whoever uses it'
      : 'it adds to the face enrolled for this account, only for the same person (--replace to enrol another), or enrols the first one';
    console.error(
      `one-time enrolment link for ${accountId} (invitation ${id}): ${does}; valid until ${new Date(expiresAt).toISOString()}`,
    );
    return 0;
  });
}
