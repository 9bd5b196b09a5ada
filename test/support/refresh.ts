/** The public client `spa` spends a refresh token at the token endpoint, as its RP library would; the raw answer. */
export function refreshAsSpa(issuer: string | URL, refreshToken: string): Promise<Response> {
  return fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'spa' }),
  });
}
