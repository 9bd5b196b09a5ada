import { CookieJar } from '../../test/support/cookie-jar.js';
import { noteServerTiming } from '../server-timing.js';

export interface Sent {
  method?: string;
  body?: RequestInit['body'];
  contentType?: string;
  accept?: string;
}

/**
 * One simulated user's browser, without a browser: real HTTP with a cookie jar, following the
 * provider's redirects by hand. Cookies belong to the host, not the port, as in a browser, so
 * one user agent can go to two facegate instances on localhost with the same cookies. A redirect
 * to an origin that is not a provider's (the RP's callback) is not followed: it is the result.
 */
export class Agent {
  private readonly cookies = new CookieJar();

  /** `providers`: the origins that are facegate (one, or the instances sharing a store). */
  constructor(private readonly providers: readonly string[]) {}

  async request(url: URL, sent: Sent = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: sent.accept ?? 'text/html' };
    const cookie = this.cookies.header(url);
    if (cookie) headers.cookie = cookie;
    if (sent.contentType) headers['content-type'] = sent.contentType;
    const response = await fetch(url, {
      method: sent.method ?? (sent.body ? 'POST' : 'GET'),
      headers,
      body: sent.body,
      redirect: 'manual',
    });
    if (this.providers.includes(url.origin)) {
      this.cookies.keep(response.headers.getSetCookie());
      noteServerTiming(response);
    }
    return response;
  }

  /**
   * Follows redirects while they stay on a provider; `via`, when given, is the origin every
   * provider URL is sent to (the other instance). Resolves with the last response and its URL,
   * or the first URL outside the providers.
   */
  async follow(url: URL, via?: string): Promise<{ response: Response; url: URL }> {
    let at = this.retarget(url, via);
    let response = await this.request(at);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: at };
      await response.arrayBuffer();
      at = this.retarget(new URL(location, at), via);
      if (!this.providers.includes(at.origin)) return { response, url: at };
      response = await this.request(at);
    }
    throw new Error('too many redirects');
  }

  private retarget(url: URL, via?: string): URL {
    return via && this.providers.includes(url.origin) ? new URL(url.pathname + url.search, via) : url;
  }
}
