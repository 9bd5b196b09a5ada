/**
 * A request's path as its URL gives it, without the query string, undecoded and unnormalised (as
 * Koa's ctx.path and oidc-provider's router see it); an absolute-form target
 * (`GET http://host/path`) gives its path too, anything else "/".
 */
export function requestPath(url: string | undefined): string {
  const target = url ?? '/';
  if (target.startsWith('/')) {
    const query = target.indexOf('?');
    return query < 0 ? target : target.slice(0, query);
  }
  try {
    return new URL(target).pathname;
  } catch {
    return '/';
  }
}
