/**
 * Whether passkeys bound to `rpId` can work on the issuer's pages: browsers run WebAuthn only in
 * a secure context (https, or http://localhost), never on an IP address, and only for an rpId that
 * is the page's host or a domain it is under. Whether that domain is a public suffix (co.uk) is
 * left to the browser, which knows the list; a bare top-level domain is refused here.
 */
export function passkeyRpIdProblem(rpId: string, issuer: string): string | undefined {
  const { protocol, hostname } = new URL(issuer);
  const host = hostname.toLowerCase();
  if (protocol !== 'https:' && !(protocol === 'http:' && host === 'localhost')) {
    return `browsers offer passkeys only on https pages (or http://localhost), and the issuer is ${issuer}: serve it over https, or set passkeys.enabled to false`;
  }
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) {
    return `browsers refuse passkeys on an IP address, and the issuer's host is ${hostname}: give the issuer a domain name, or set passkeys.enabled to false`;
  }
  const id = rpId.toLowerCase();
  if (/[/:@\s]/.test(id))
    return `"${rpId}" is not a host name: write the domain alone (${host}), without scheme, port or path`;
  if (id !== host && !host.endsWith(`.${id}`)) {
    return `"${rpId}" is neither the issuer's host (${host}) nor a domain it is under, so browsers would refuse every passkey: write ${host} or a parent domain of it`;
  }
  if (id !== 'localhost' && !id.includes('.')) {
    return `"${rpId}" is a top-level domain, which browsers refuse as an rpId: write ${host} or a parent domain of it`;
  }
  return undefined;
}
