/**
 * The headers every response of the example RP carries. The Content-Security-Policy allows no
 * inline script or style (Vite's build puts everything in files), and lets the app talk to its
 * own origin and the provider's (discovery, token, UserInfo and JWKS live there).
 */
export function securityHeaders(authority: string): Record<string, string> {
  const provider = new URL(authority).origin;
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${provider}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    // The callback URL carries the authorization code: never send it on as a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}
