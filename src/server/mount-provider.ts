import type { Middleware } from 'koa';
import type Provider from 'oidc-provider';

/**
 * Hands the request to oidc-provider, which is a Koa application of its own (its own context,
 * cookie keys and proxy setting). Everything ours runs before it.
 */
export function mountProvider(provider: Provider): Middleware {
  const handle = provider.callback();
  return async (ctx) => {
    ctx.respond = false;
    await handle(ctx.req, ctx.res);
  };
}
