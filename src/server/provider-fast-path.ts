import type Provider from 'oidc-provider';
import type { RequestHandler } from './http-server.js';
import { requestPath } from './request-path.js';

/**
 * oidc-provider's endpoints with a fixed path (discovery, JWKS, token, UserInfo, authorization,
 * end session, revocation, introspection... those that are turned on), as its router matches them.
 * None is a path of ours (our pages live under /interaction/, /enroll/ and /static/, beside
 * /livez, /readyz, /healthz and /metrics), so our application would only pass them through.
 */
export function providerEndpointPaths(provider: Provider): Set<string> {
  const paths = new Set(['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server']);
  for (const name of ROUTE_NAMES) {
    try {
      const path = provider.pathFor(name, { mountPath: '' });
      if (!path.includes(':')) paths.add(path);
    } catch {
      // The feature that serves this endpoint is off: the provider has no such route.
    }
  }
  for (const path of paths) if (isOurs(path)) paths.delete(path);
  return paths;
}

const ROUTE_NAMES = [
  'authorization',
  'backchannel_authentication',
  'code_verification',
  'device_authorization',
  'end_session',
  'introspection',
  'jwks',
  'pushed_authorization_request',
  'registration',
  'revocation',
  'token',
  'userinfo',
];

function isOurs(path: string): boolean {
  return /^\/(interaction|enroll|static)\//.test(path) || ['/livez', '/readyz', '/healthz', '/metrics'].includes(path);
}

/**
 * Requests for `paths` go straight to the provider; the rest to our application (whose last
 * middleware hands what it does not serve to the same provider). The profile of discovery and
 * JWKS under load showed a second Koa context, our middleware chain and two routers' matching on
 * every provider request, for nothing: they serve none of these paths.
 */
export function withProviderFastPath(
  app: RequestHandler,
  provider: RequestHandler,
  paths: ReadonlySet<string>,
): RequestHandler {
  return (req, res) => (paths.has(requestPath(req.url)) ? provider(req, res) : app(req, res));
}
